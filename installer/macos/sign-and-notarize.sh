#!/bin/sh
# MACOS ONLY. Sign jdm-ctp.app with a Developer ID, notarize it with Apple and staple the
# ticket, then build and sign the DMG. Without this, Gatekeeper refuses to open an app
# downloaded or copied from another Mac ("cannot be opened because the developer cannot
# be verified"); IT can still allow it by hand (README), but a signed app is the way.
#
# Needs: Xcode command-line tools, a "Developer ID Application" certificate in the
# keychain, and a notarytool keychain profile made once with
#   xcrun notarytool store-credentials jdm-ctp-notary --apple-id ID --team-id TEAM
#
# Usage (after `python3 installer/build_bundle.py`):
#   IDENTITY="Developer ID Application: Clinic Name (TEAMID)" \
#       sh installer/macos/sign-and-notarize.sh dist/jdm-ctp.app
set -eu

app=${1:?usage: sign-and-notarize.sh path/to/jdm-ctp.app}
: "${IDENTITY:?set IDENTITY to the Developer ID Application certificate name}"
profile=${NOTARY_PROFILE:-jdm-ctp-notary}
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "$(dirname "$app")" && pwd)
version=$(python3 -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$here/../../pyproject.toml")

# Hardened runtime is required for notarization; the entitlements let the Python
# runtime load its own (unsigned-by-Apple) libraries.
codesign --force --deep --timestamp --options runtime \
    --entitlements "$here/entitlements.plist" --sign "$IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

zip="$dist/jdm-ctp-notarize.zip"
ditto -c -k --keepParent "$app" "$zip"
xcrun notarytool submit "$zip" --keychain-profile "$profile" --wait
xcrun stapler staple "$app"
rm -f "$zip"

# The DMG from the signed, stapled app; sign the DMG too.
staging="$dist/dmg-staging"
rm -rf "$staging" && mkdir "$staging"
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"
dmg="$dist/jdm-ctp-$version-macos-$(uname -m).dmg"
hdiutil create -volname "JDM CTP $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"
codesign --timestamp --sign "$IDENTITY" "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
echo "signed and notarized: $dmg"
