"""The selftest a site's IT person runs after installing (issue 10): does this computer have what the app needs?

Each check returns a :class:`Check` (OK, WARN or FAIL, what was found, and for anything not OK what to do).
Nothing here writes into a site's database: the data directory is checked with a test file beside it, and the
encrypted round trip uses a database of its own in a temporary folder. The Qt checks (platform plugin, fonts
as the GUI sees them) need a Qt process and live in ``ui/selftest_qt.py``.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from crf_desktop.core.errors import CrfError
from crf_desktop.core.resources import resource_path
from crf_desktop.store.datadir import DB_FILE, is_site, network_filesystem

#: Characters of the Chinese labels: 研究 study, 受试者 subject, 签名 signature, 日期 date, 不良事件 adverse event.
CJK_SAMPLE = "研究受试者签名日期不良事件"
MIN_FREE_MB = 200  # below this a save or an export may fail half-way
LOW_FREE_MB = 2048  # below this, warn: backups and packages grow
FONT_FILE = ("fonts", "DroidSansFallbackFull.ttf")


class Level(StrEnum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True, kw_only=True)
class Check:
    name: str
    level: Level
    detail: str
    advice: str = ""  # what to do, for WARN and FAIL


def ok(name: str, detail: str) -> Check:
    return Check(name=name, level=Level.OK, detail=detail)


def warn(name: str, detail: str, advice: str) -> Check:
    return Check(name=name, level=Level.WARN, detail=detail, advice=advice)


def fail(name: str, detail: str, advice: str) -> Check:
    return Check(name=name, level=Level.FAIL, detail=detail, advice=advice)


def guarded(name: str, check: Callable[[], Check], advice: str) -> Check:
    """Run one check; an unexpected error is that check's FAIL (with the error), never the end of the selftest."""
    try:
        return check()
    except Exception as exc:  # noqa: BLE001 - a selftest reports every failure, whatever its kind
        return fail(name, f"{type(exc).__name__}: {exc}", advice)


# -- fonts -------------------------------------------------------------------------------------------------
def check_fonts() -> Check:
    """The bundled CJK font is there, reads as a TrueType font and has the glyphs of the Chinese labels."""
    name = "bundled fonts"
    reinstall = "reinstall crf-desktop: the installation is incomplete (resources/fonts is part of it)"
    try:
        path = resource_path(*FONT_FILE)
    except CrfError as exc:
        return fail(name, str(exc), reinstall)
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

    from crf_desktop.pdf.fonts import CJK, register

    register()
    covered = frozenset(pdfmetrics.getFont(CJK).face.charToGlyph)
    lacking = [char for char in CJK_SAMPLE if ord(char) not in covered]
    if lacking:
        return fail(name, f"{path.name} lacks the glyphs of {''.join(lacking)}", reinstall)
    return ok(name, f"{path.name} ({path.stat().st_size // 1024} KiB) covers {len(covered)} characters, "
                    f"including {CJK_SAMPLE}")


# -- SQLCipher ---------------------------------------------------------------------------------------------
def check_sqlcipher() -> Check:
    """SQLCipher's version, and an encrypted round trip in a temporary database: nothing readable on disk."""
    import sqlcipher3

    from crf_desktop.store.database import connect_keyed

    name = "SQLCipher"
    reinstall = "reinstall crf-desktop (its SQLCipher library is damaged or missing)"
    version = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        return fail(name, "the SQLite library has no encryption (PRAGMA cipher_version is empty)", reinstall)
    marker = f"selftest-plaintext-{secrets.token_hex(8)}"
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="crf-selftest-") as tmp:
        path = Path(tmp) / "selftest.db"
        conn = connect_keyed(path, key)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE t (value TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", [marker])
        conn.commit()
        on_disk = b"".join(p.read_bytes() for p in Path(tmp).iterdir())
        conn.close()
        on_disk += path.read_bytes()
        if marker.encode() in on_disk or on_disk.startswith(b"SQLite format 3"):
            return fail(name, "the test database was written in plain text", reinstall)
        reopened = connect_keyed(path, key)
        read = reopened.execute("SELECT value FROM t").fetchone()
        reopened.close()
        if read is None or read[0] != marker:
            return fail(name, "the test database did not read back what was written", reinstall)
        wrong = connect_keyed(path, secrets.token_bytes(32))
        try:
            wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
            opened_with_wrong_key = True
        except sqlcipher3.DatabaseError:
            opened_with_wrong_key = False
        finally:
            wrong.close()
        if opened_with_wrong_key:
            return fail(name, "the test database opened with a wrong key", reinstall)
    return ok(name, f"SQLCipher {version[0]}: encrypted round trip in a temporary file, no plain text on disk, "
                    "a wrong key refused")


# -- crypto ------------------------------------------------------------------------------------------------
def check_crypto() -> Check:
    """AES-256-GCM, Argon2id, X25519, Ed25519 and HPKE (the ones the key file and the packages use)."""
    import cryptography
    from cryptography.exceptions import InvalidSignature, InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    name = "cryptography"
    reinstall = "reinstall crf-desktop (its cryptography library is damaged, or too old)"
    done = []
    key, nonce = AESGCM.generate_key(bit_length=256), secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, b"selftest", b"aad")
    if AESGCM(key).decrypt(nonce, sealed, b"aad") != b"selftest":
        return fail(name, "AES-256-GCM did not decrypt what it encrypted", reinstall)
    try:
        AESGCM(key).decrypt(nonce, sealed[:-1] + bytes([sealed[-1] ^ 1]), b"aad")
        return fail(name, "AES-256-GCM accepted a changed ciphertext", reinstall)
    except InvalidTag:
        done.append("AES-256-GCM")
    salt = secrets.token_bytes(16)
    derived = [Argon2id(salt=salt, length=32, iterations=1, lanes=1, memory_cost=8 * 1024).derive(b"pw")
               for _ in range(2)]
    if derived[0] != derived[1]:
        return fail(name, "Argon2id is not deterministic", reinstall)
    done.append("Argon2id")
    ours, theirs = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    if ours.exchange(theirs.public_key()) != theirs.exchange(ours.public_key()):
        return fail(name, "X25519 key agreement disagrees", reinstall)
    done.append("X25519")
    signer = Ed25519PrivateKey.generate()
    signature = signer.sign(b"selftest")
    signer.public_key().verify(signature, b"selftest")
    try:
        signer.public_key().verify(signature, b"selftesT")
        return fail(name, "Ed25519 accepted a signature of other content", reinstall)
    except InvalidSignature:
        done.append("Ed25519")
    try:
        from cryptography.hazmat.primitives import hpke
    except ImportError:
        return fail(name, f"cryptography {cryptography.__version__} has no HPKE (sync packages need it)", reinstall)
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    receiver = X25519PrivateKey.generate()
    boxed = suite.encrypt(b"selftest", receiver.public_key(), info=b"crf-desktop selftest")
    if suite.decrypt(boxed, receiver, info=b"crf-desktop selftest") != b"selftest":
        return fail(name, "HPKE did not decrypt what it encrypted", reinstall)
    done.append("HPKE (X25519, HKDF-SHA256, AES-256-GCM)")
    return ok(name, f"cryptography {cryptography.__version__}: {', '.join(done)}")


# -- folders -----------------------------------------------------------------------------------------------
def _free_space(name: str, folder: Path) -> Check | None:
    free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
    if free_mb < MIN_FREE_MB:
        return fail(name, f"only {free_mb} MB free on the disk of {folder}",
                    f"free at least {MIN_FREE_MB} MB there (better {LOW_FREE_MB} MB) before entering data")
    if free_mb < LOW_FREE_MB:
        return warn(name, f"{free_mb} MB free on the disk of {folder}",
                    f"free some space: backups and export packages need room (at least {LOW_FREE_MB} MB)")
    return None


def _write_test_file(folder: Path) -> None:
    """Write, fsync, rename, read back and delete a hidden test file, as the app writes its files."""
    from crf_desktop.sync.folder import publish, write_partial

    target = folder / f".crf-selftest-{secrets.token_hex(6)}.check"
    content = secrets.token_bytes(4096)
    publish(write_partial(target, content), target)
    try:
        if target.read_bytes() != content:
            raise OSError(f"{target} did not read back what was written")
    finally:
        target.unlink()


def check_data_dir(data_dir: Path) -> Check:
    """The data directory can be written (a test file beside the database, never into it) and has room."""
    name = "data directory"
    where = data_dir if data_dir.exists() else next((p for p in data_dir.parents if p.exists()), None)
    if where is None or not where.is_dir():
        return fail(name, f"{data_dir} is not a folder and cannot be created", "choose another --data-dir")
    try:
        _write_test_file(where)
    except (OSError, CrfError) as exc:
        return fail(name, f"cannot write in {where}: {exc}",
                    f"give the user who runs crf-desktop write access to {where}, or choose another --data-dir")
    space = _free_space(name, where)
    if space is not None:
        return space
    remote = network_filesystem(where)
    if remote is not None:
        return warn(name, f"{where} is on a network filesystem ({remote})",
                    "keep the site database on this computer's own disk; use the network only as the central "
                    "folder")
    state = (f"a site ({DB_FILE} present; the database was not opened)" if is_site(data_dir)
             else "no site yet" if data_dir.exists() else "does not exist yet; it will be created")
    free_gb = shutil.disk_usage(where).free / 1024 ** 3
    return ok(name, f"{data_dir}: writable, {free_gb:.1f} GB free, {state}")


def check_central_folder(folder: Path) -> Check:
    """The central folder is there and takes a file the way exports write one (write, fsync, rename, delete)."""
    name = "central folder"
    if not folder.is_dir():
        return fail(name, f"{folder} is not reachable",
                    "connect the drive or share (or start the sync tool), or correct the path")
    try:
        _write_test_file(folder)
    except (OSError, CrfError) as exc:
        return fail(name, f"cannot write in {folder}: {exc}",
                    f"give the user who runs crf-desktop write access to {folder}")
    space = _free_space(name, folder)
    if space is not None:
        return space
    return ok(name, f"{folder}: a test file was written, fsynced, renamed and removed")


# -- PDF ---------------------------------------------------------------------------------------------------
def check_pdf() -> Check:
    """reportlab draws English and Chinese with the bundled font, embedded, into a PDF that opens again."""
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    from crf_desktop.pdf.fonts import CJK, LATIN, register

    name = "PDF printing"
    reinstall = "reinstall crf-desktop (its PDF libraries or fonts are damaged)"
    register()
    with tempfile.TemporaryDirectory(prefix="crf-selftest-") as tmp:
        path = Path(tmp) / "selftest.pdf"
        canvas = Canvas(str(path), pagesize=A4)
        canvas.setFont(LATIN, 12)
        canvas.drawString(72, 760, "crf-desktop selftest")
        canvas.setFont(CJK, 12)
        canvas.drawString(72, 740, CJK_SAMPLE)
        canvas.showPage()
        canvas.save()
        opened = _open_pdf(path)
    if opened is not None:
        return fail(name, opened, reinstall)
    return ok(name, f"a page with {CJK_SAMPLE} was written with the bundled font embedded and opened again")


def _open_pdf(path: Path) -> str | None:
    """Open the PDF with a reader (pypdf where installed, else pypdfium2, which the print preview uses):
    a problem, or None."""
    try:
        from pypdf import PdfReader
    except ImportError:
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        pages = len(document)
        document.close()
        return None if pages == 1 else f"the test PDF has {pages} pages instead of 1"
    reader = PdfReader(str(path))
    if len(reader.pages) != 1:
        return f"the test PDF has {len(reader.pages)} pages instead of 1"
    resources: Any = reader.pages[0]["/Resources"]
    fonts = [font.get_object() for font in resources["/Font"].values()]
    descriptors = [font["/FontDescriptor"].get_object() for font in fonts if "/FontDescriptor" in font]
    if not any("/FontFile2" in descriptor for descriptor in descriptors):
        return "the Chinese font was not embedded in the test PDF"
    if CJK_SAMPLE not in reader.pages[0].extract_text().replace(" ", ""):
        return "the Chinese text of the test PDF does not read back"
    return None


def run_checks(*, data_dir: Path, central_folder: Path | None) -> list[Check]:
    """Every check that needs no GUI, in the order the report prints them."""
    reinstall = "reinstall crf-desktop; if it persists, send this report to the coordinating centre"
    found = [
        guarded("bundled fonts", check_fonts, reinstall),
        guarded("SQLCipher", check_sqlcipher, reinstall),
        guarded("cryptography", check_crypto, reinstall),
        guarded("data directory", lambda: check_data_dir(data_dir), "choose another --data-dir"),
    ]
    if central_folder is not None:
        found.append(guarded("central folder", lambda: check_central_folder(central_folder),
                             "check the central folder's path and permissions"))
    found.append(guarded("PDF printing", check_pdf, reinstall))
    return found


def format_report(checks: Sequence[Check]) -> str:
    """One line per check, and under each one that is not OK what to do."""
    width = max(len(c.name) for c in checks)
    lines = []
    for c in checks:
        lines.append(f"{c.level.value:4}  {c.name:{width}}  {c.detail}")
        if c.level is not Level.OK and c.advice:
            lines.append(f"{'':4}  {'':{width}}  -> {c.advice}")
    failed = sum(c.level is Level.FAIL for c in checks)
    warned = sum(c.level is Level.WARN for c in checks)
    lines.append("")
    lines.append("all checks passed" if not failed and not warned else
                 f"{failed} check(s) failed, {warned} warning(s)")
    return "\n".join(lines)


def passed(checks: Sequence[Check]) -> bool:
    return all(c.level is not Level.FAIL for c in checks)
