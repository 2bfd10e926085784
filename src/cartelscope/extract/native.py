"""The rule engine compiled to C with mypyc, used when a build matches the sources exactly.

The extraction modules are ordinary, fully type-annotated Python. ``make install`` also runs
:func:`build` (``scripts/compile_rules.py``), which compiles them with mypyc, the
compiler that ships inside mypy, into ``extract/_compiled/``. When the package is imported,
:func:`activate` puts that folder ahead of the sources on the package's search path, so that
``cartelscope.extract.events`` and its siblings load as C extensions; nothing else changes.

The compiled build is used only when it was made from exactly the source files present now
(their SHA-256 is recorded at build time) by the same Python, so an edited rule can never run
stale compiled code: the sources are used instead, and :data:`STATUS` says why. Set
``CARTELSCOPE_PURE_PYTHON=1`` to use the sources regardless. Both produce the same records;
``tests/extract/test_extract_native.py`` checks that over the whole development set.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
COMPILED_DIR = PACKAGE_DIR / "_compiled"
MANIFEST = COMPILED_DIR / "manifest.json"
PURE_ENV = "CARTELSCOPE_PURE_PYTHON"

# The rule engine, in dependency order. Left as Python: the package's lazy ``__init__``, this
# module, the streaming runner (file I/O) and the backend loader, whose classes users extend.
MODULES = ("textmatch", "backward", "sentences", "numbers", "lexicon", "misspelt", "clauses",
           "certainty", "context", "dates", "actors", "places", "events", "relations", "pipeline")
# the one shared library mypyc links the modules into, named inside this package
GROUP = "cartelscope.extract._rules"

STATUS = "not checked"  # what activate() found: "compiled", or why the sources are used


def source_digests() -> dict[str, str]:
    """SHA-256 of each compiled module's source as it is now."""
    return {name: hashlib.sha256((PACKAGE_DIR / f"{name}.py").read_bytes()).hexdigest() for name in MODULES}


def _abi() -> str:
    return f"{sys.implementation.cache_tag}:{sysconfig.get_config_var('EXT_SUFFIX')}"


def check() -> str:
    """"compiled" when the build in ``_compiled/`` may be used, else the reason it may not."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return f"pure Python ({PURE_ENV} is set)"
    if not MANIFEST.is_file():
        return "pure Python (no compiled build; `make install` or scripts/compile_rules.py makes one)"
    try:
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"pure Python (unreadable build manifest: {exc})"
    if recorded.get("abi") != _abi():
        return f"pure Python (build made for {recorded.get('abi')}, this is {_abi()})"
    now = source_digests()
    changed = sorted(name for name in MODULES if recorded.get("sources", {}).get(name) != now[name])
    if changed:
        return f"pure Python (sources changed since the build: {', '.join(changed)}; rebuild with `make install`)"
    return "compiled"


def activate(package_path: list[str]) -> str:
    """Put the compiled build first on ``package_path`` (the package's ``__path__``) when
    :func:`check` allows it; return and remember the status."""
    global STATUS
    STATUS = check()
    if STATUS == "compiled" and str(COMPILED_DIR) not in package_path:
        package_path.insert(0, str(COMPILED_DIR))
    return STATUS


def build(verbose: bool = False) -> Path:
    """Compile :data:`MODULES` with mypyc into ``_compiled/`` and record the sources' digests.

    Needs mypy (a development dependency), setuptools and a C compiler with Python's headers.
    The old build is removed first, so a failed build leaves the sources in use."""
    from mypyc.build import mypycify  # imported here: only building needs mypy
    from setuptools import setup

    shutil.rmtree(COMPILED_DIR, ignore_errors=True)
    digests = source_digests()
    with tempfile.TemporaryDirectory(prefix="cartelscope-mypyc-") as work:
        work_dir = Path(work)
        src_root = PACKAGE_DIR.parent.parent
        cwd = os.getcwd()
        os.chdir(src_root)  # mypyc names modules after paths relative to the working directory
        try:
            paths = [str(Path("cartelscope") / "extract" / f"{name}.py") for name in MODULES]
            options = ["--ignore-missing-imports", "--follow-imports=silent", f"--cache-dir={work_dir / 'mypy'}"]
            extensions = mypycify(paths + options,
                                  target_dir=str(work_dir / "c"), group_name=GROUP, verbose=verbose)
            setup(name="cartelscope-rules", ext_modules=extensions,
                  script_args=([] if verbose else ["--quiet"]) + [
                      "build_ext", "--build-lib", str(work_dir / "lib"), "--build-temp", str(work_dir / "tmp")])
        finally:
            os.chdir(cwd)
        built = work_dir / "lib" / "cartelscope" / "extract"
        COMPILED_DIR.mkdir()
        for lib in built.iterdir():
            shutil.copy2(lib, COMPILED_DIR / lib.name)
    MANIFEST.write_text(json.dumps({"abi": _abi(), "sources": digests}, indent=1) + "\n", encoding="utf-8")
    return COMPILED_DIR


def main() -> int:
    try:
        where = build(verbose="-v" in sys.argv[1:])
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure leaves the sources in use
        print(f"cartelscope: extraction not compiled ({type(exc).__name__}: {exc}); "
              "the pure-Python rules will be used", file=sys.stderr)
        return 1
    print(f"cartelscope: extraction rules compiled into {where}")
    return 0

