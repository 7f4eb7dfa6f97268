"""Start an autograding kernel as an unprivileged user, without network, within limits.

Rule: trainee code never runs with the grader's rights. nbgrader (run as root
by the course's autograder) starts each kernel through this launcher, which
copies the notebook's folder into a private work folder, sets resource limits,
then becomes the course's sandbox user inside a new network namespace (no
network at all) before the kernel starts. The kernel talks to nbgrader over
Unix sockets only. Without root the launcher refuses: it never falls back to
running trainee code unconfined.
"""

from __future__ import annotations

import json
import os
import pwd
import resource
import secrets
import shutil
import sys
from pathlib import Path

LIMITS = {
    resource.RLIMIT_AS: 2 * 1024**3,  # 2 GiB of address space
    resource.RLIMIT_NPROC: 64,  # for the sandbox user as a whole: no fork bomb
    resource.RLIMIT_CPU: 600,
    resource.RLIMIT_FSIZE: 64 * 1024**2,
    resource.RLIMIT_NOFILE: 256,
}
MAX_COPY_BYTES = 50 * 1024**2


def copy_inputs(src: Path, dest: Path) -> None:
    """Copy the notebook folder's small regular files (data the exercise reads)."""
    budget = MAX_COPY_BYTES
    for path in sorted(src.iterdir()):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= budget:
            shutil.copy2(path, dest / path.name)
            budget -= path.stat().st_size


def main(argv: list[str]) -> None:
    if os.geteuid() != 0:
        sys.exit("praxishub.sandbox: refusing to run trainee code without a sandbox (needs root)")
    if len(argv) != 2 or argv[0] != "-f":
        sys.exit("usage: python -m praxishub.sandbox -f CONNECTION_FILE")
    user = pwd.getpwnam(os.environ["PRAXISHUB_SANDBOX_USER"])
    base = Path(os.environ["PRAXISHUB_SANDBOX_DIR"])
    work = base / f"work-{secrets.token_hex(8)}"
    work.mkdir(mode=0o700)
    copy_inputs(Path.cwd(), work)
    connection = json.loads(Path(argv[1]).read_text("utf-8"))
    (work / "kernel.json").write_text(json.dumps(connection), "utf-8")
    for root, dirs, files in os.walk(work):
        for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
            os.chown(name, user.pw_uid, user.pw_gid)
    os.chdir(work)
    for limit, value in LIMITS.items():
        resource.setrlimit(limit, (value, value))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    os.umask(0o077)
    command = [
        "unshare",
        "--net",
        "--",
        "setpriv",
        f"--reuid={user.pw_uid}",
        f"--regid={user.pw_gid}",
        "--clear-groups",
        "--no-new-privs",
        "--",
        sys.executable,
        "-m",
        "ipykernel_launcher",
        "-f",
        str(work / "kernel.json"),
    ]
    os.execvpe(command[0], command, env)  # noqa: S606 (an argument list, no shell)


if __name__ == "__main__":
    main(sys.argv[1:])
