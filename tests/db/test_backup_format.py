"""The encrypted backup format (.jdmbak, format 1) stays readable whatever library does the
AES-GCM: these files were written by jdm-ctp 0.1.0 when it used the `cryptography`
package (scrypt n=2^15 r=8 p=1, AES-256-GCM in 1 MiB STREAM chunks), and must restore
byte for byte with every later version. See app/db/backup.py for the layout.
"""

from __future__ import annotations

import io

import pytest

from app.db import backup

pytestmark = pytest.mark.usefixtures("system_actor")

PASSPHRASE = "correct horse battery staple"

# encrypt_stream(ONE_CHUNK_PLAIN, passphrase=PASSPHRASE) with the default 1 MiB chunks. The
# header is MAGIC(8) + 4 parameter bytes + salt(16) + nonce prefix(8) + chunk size(4) = 40
# bytes, so 40 + 35 bytes of text + a 16-byte tag = 91 bytes.
ONE_CHUNK_PLAIN = b"jdm-ctp backup format 1, one chunk\n"
ONE_CHUNK = bytes.fromhex(
    "4a444d435450424b010f08019401cdefeedbf3fde57f507ce9ac67582a1d53027f66ad1a00100000bedf310b"
    "438a809c1632b29919b5058bafd029ba4efdf19872ddd8325a72c447b82dcca8b36e6fbd5e75c5997bcf328a"
    "ae5a2b"
)
# bytes(range(80)) with chunk_size=32: chunks of 32, 32 and 16 bytes, each + a 16-byte tag:
# 40 + (32 + 16) + (32 + 16) + (16 + 16) = 168 bytes.
THREE_CHUNKS_PLAIN = bytes(range(80))
THREE_CHUNKS = bytes.fromhex(
    "4a444d435450424b010f08015c308d86cc6afba2095fbca6fc036eccb58040511e7a221d0000002061deead5"
    "d7398c376c4db30b550527236a4ea7cf7abf15f02cf9e65b424fabbb5396a021c9edadaeecbcd2822fa584d8"
    "6b48e4af203dfd7b348b4ba319e0ed62c7d34283645be9c7e639f198ee5d1dcd48196e8f7f7bbabe278c10c9"
    "5699d1e1ee173783a309afe1d011582c188d40520a7be344b8419744ca357a6b5da39853"
)
HEADER = 40
SEALED_CHUNK = 32 + backup.TAG_BYTES


def test_the_recorded_sizes_match_the_layout():
    assert len(ONE_CHUNK) == HEADER + len(ONE_CHUNK_PLAIN) + backup.TAG_BYTES == 91
    assert len(THREE_CHUNKS) == HEADER + 2 * SEALED_CHUNK + 16 + backup.TAG_BYTES == 168
    assert ONE_CHUNK[:8] == THREE_CHUNKS[:8] == backup.MAGIC
    # format 1, log2 n = 15, r = 8, p = 1: the parameters every jdm-ctp backup uses
    assert tuple(ONE_CHUNK[8:12]) == (1, 15, 8, 1)


@pytest.mark.parametrize(("sealed", "plain"), [(ONE_CHUNK, ONE_CHUNK_PLAIN),
                                               (THREE_CHUNKS, THREE_CHUNKS_PLAIN)])
def test_backups_written_by_earlier_versions_decrypt(sealed, plain):
    assert backup.decrypt_bytes(sealed, PASSPHRASE) == plain


def test_what_this_version_writes_it_reads_back_in_several_chunks():
    plain = bytes(range(256)) * 5  # 1280 bytes = 40 chunks of 32
    target = io.BytesIO()
    backup.encrypt_stream(io.BytesIO(plain), target, PASSPHRASE, chunk_size=32)
    sealed = target.getvalue()
    assert len(sealed) == HEADER + 40 * SEALED_CHUNK
    assert sealed[:12] == ONE_CHUNK[:12]  # same magic, format and scrypt parameters
    assert backup.decrypt_bytes(sealed, PASSPHRASE) == plain


def test_a_wrong_passphrase_is_refused_in_plain_words():
    with pytest.raises(backup.WrongPassphraseError, match="passphrase is wrong"):
        backup.decrypt_bytes(THREE_CHUNKS, "Correct horse battery staple")


def _chunks(sealed: bytes) -> list[bytes]:
    body = sealed[HEADER:]
    return [body[i:i + SEALED_CHUNK] for i in range(0, len(body), SEALED_CHUNK)]


@pytest.mark.parametrize("damage", ["flipped byte", "last chunk dropped", "chunks swapped",
                                    "header changed"])
def test_any_tampering_fails_authentication(damage):
    first, second, last = _chunks(THREE_CHUNKS)
    header = THREE_CHUNKS[:HEADER]
    if damage == "flipped byte":
        broken = bytearray(THREE_CHUNKS)
        broken[HEADER + SEALED_CHUNK + 5] ^= 0x01
        data = bytes(broken)
    elif damage == "last chunk dropped":  # a cut at a chunk boundary: the 2nd is not "last"
        data = header + first + second
    elif damage == "chunks swapped":
        data = header + second + first + last
    else:  # the salt is authenticated too (and changes the key)
        data = header[:20] + bytes([header[20] ^ 0xFF]) + header[21:] + first + second + last
    with pytest.raises(backup.WrongPassphraseError):
        backup.decrypt_bytes(data, PASSPHRASE)


def test_a_header_asking_for_gigabytes_of_key_derivation_memory_is_refused():
    # scrypt needs 128 * r * n bytes: log2 n = 22 and r = 32 would be 16 GiB. No jdm-ctp
    # backup asks for more than 32 MiB; a crafted file must not exhaust the workstation.
    crafted = bytearray(ONE_CHUNK)
    crafted[9], crafted[10] = 22, 32
    with pytest.raises(backup.BackupVerificationError, match="memory"):
        backup.decrypt_bytes(bytes(crafted), PASSPHRASE)
