"""Build hook: compile libyakit/_segcore.c, the joined-word repair's compiled core.

The core makes the same decisions as the Python code in libyakit/segment.py,
about ten times faster (tests/test_segcore.py checks both agree). Where it
cannot be compiled (no C compiler), the build goes on without it and libyakit
uses the Python code; set LIBYAKIT_REQUIRE_CORE=1 to make that an error.
The module records the SHA-1 of the source it was built from, so that a
checkout with a newer _segcore.c does not use an older build.
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
        except Exception as e:  # noqa: BLE001 - any failure means: no compiled core
            if os.environ.get("LIBYAKIT_REQUIRE_CORE"):
                raise
            self.app.display_warning(f"libyakit: the compiled core was not built ({e}); the joined-word "
                                     f"repair will use its (slower) Python code")
            return
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
