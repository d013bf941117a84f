; Inno Setup 6 script for the jdm-ctp Windows installer.            WINDOWS ONLY
;
; Built by `python installer\build_bundle.py --installer` on a Windows machine after the
; PyInstaller bundle exists, which passes the defines below; by hand:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\jdm-ctp /DOutputDir=dist ^
;        /DIconFile=resources\icons\jdm-ctp.ico installer\windows\jdm-ctp.iss
;
; Installs the one-folder bundle (jdm-ctp.exe = the desktop app, jdm-ctp-cli.exe = the
; command line: --self-test, --version, db upgrade, dose, ...) under Program Files, with a
; Start-menu entry. Installs for all users by default (clinic IT, administrator rights);
; the user can choose a per-user install in the dialog. Program files only: each user's
; database, backups, settings and logs stay in their %LOCALAPPDATA%\jdm-ctp folders and
; are left in place on uninstall.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build_bundle.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\jdm-ctp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\jdm-ctp.ico"
#endif

[Setup]
; A fixed AppId makes a new version upgrade the old one in place. Never change it.
AppId={{6F0E3C52-7B0B-4C55-9A0E-2B7D3B1C9A41}
AppName=JDM CTP
AppVersion={#AppVersion}
AppVerName=JDM CTP {#AppVersion}
AppPublisher=jdm-ctp
DefaultDirName={autopf}\jdm-ctp
DefaultGroupName=JDM CTP
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=jdm-ctp-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\jdm-ctp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app must be closed to replace its files.
CloseApplications=yes

[Files]
; The whole bundle folder; a new version first removes the old _internal (see below) so
; no stale module from a previous version can be loaded.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\JDM CTP"; Filename: "{app}\jdm-ctp.exe"
Name: "{group}\JDM CTP self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\jdm-ctp-cli.exe"" --self-test"
Name: "{group}\Uninstall JDM CTP"; Filename: "{uninstallexe}"
Name: "{autodesktop}\JDM CTP"; Filename: "{app}\jdm-ctp.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\jdm-ctp.exe"; Description: "Start JDM CTP"; Flags: nowait postinstall skipifsilent
