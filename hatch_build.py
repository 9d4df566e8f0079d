"""Build hook: compile libyakit/_segcore.c, the joined-word repair's compiled core.

The core is the one implementation of the joined-word decision (libyakit/segment.py
holds its constants and tables and the text-level work around it; there is no Python
twin, see docs/joined-words.md). So the build needs a C compiler: without one it stops
with a one-line error that says so (`make install` checks for the compiler first and
says it in one line too). The module records the SHA-1 of the source it was built
from, so that a checkout with a newer _segcore.c refuses an older build instead of
using it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sysconfig
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SegcoreBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        src = root / "libyakit" / "_segcore.c"
        out = root / "libyakit" / f"_segcore{sysconfig.get_config_var('EXT_SUFFIX')}"
        try:
            _compile(src, out)
        except Exception as e:  # noqa: BLE001 - any failure means: no compiled core, and no repair
            raise RuntimeError(f"libyakit: the compiled core libyakit/_segcore.c could not be built ({e}); the "
                               f"joined-word repair has no other code: install a C compiler (e.g. apt-get install "
                               f"gcc) and install again") from e
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":  # an editable install finds it in the source tree
            build_data["force_include"][str(out)] = f"libyakit/{out.name}"


def _compile(src: Path, out: Path) -> None:
    from setuptools import Distribution, Extension

    sha1 = hashlib.sha1(src.read_bytes()).hexdigest()
    ext = Extension(
        "libyakit._segcore",
        [str(src)],
        define_macros=[("LIBYAKIT_SOURCE_SHA1", f'"{sha1}"')],
        # the scores must be the same doubles as Python's: no fused multiply-add
        extra_compile_args=["-O2", "-ffp-contract=off"],
    )
    with tempfile.TemporaryDirectory() as tmp:
        dist = Distribution({"name": "libyakit", "ext_modules": [ext]})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = os.path.join(tmp, "lib")
        cmd.build_temp = os.path.join(tmp, "temp")
        cmd.ensure_finalized()
        cmd.run()
        built = Path(cmd.get_ext_fullpath(ext.name))
        tmp_out = out.with_name(out.name + ".tmp")
        shutil.copyfile(built, tmp_out)
        os.replace(tmp_out, out)  # atomic: a running interpreter keeps the file it loaded
