"""``perfdraft serve``: the same Textual assistant in a browser, through textual-serve.

For offices whose staff have a Windows PC and a browser but no SSH client. textual-serve starts one
process per browser session (``python -m perfdraft.serve --session ROOT``); each opens its own
draft in its own new directory under ROOT, so each has its own lock and nobody edits another's file.

There is no authentication: bound to 127.0.0.1 by default, and a warning is printed before binding
to any other address. Offices that want it on the network put it behind their reverse proxy (TLS
and login there) and pass ``--public-url`` with the address the browsers use.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
import tempfile
import time
from pathlib import Path

from .errors import EXIT_OK, UsageError, os_reason

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DRAFT_NAME = "绩效目标草稿.toml"

WARNING = """\
⚠ 警告：perfdraft serve 将在 {host} 的 {port} 端口监听，不只本机可以访问。
  perfdraft serve 没有登录和权限控制：能连到这个地址的任何人都可以打开起草界面、新建并修改草稿。
  请只在可信的内部网络中这样使用，并放在本单位的反向代理（如 nginx）后面，由反向代理负责 HTTPS 和登录认证，
  再用 --public-url 指明浏览器实际访问的地址（如 --public-url https://jx.example.gov.cn/perfdraft）。
  只在本机使用时请去掉 --host（默认 127.0.0.1）。"""


def is_loopback(host: str) -> bool:
    """True when every address ``host`` resolves to is a loopback address (127.0.0.0/8, ::1)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos)


def session_command(root: Path, *, demo: bool, catalogue: str | None) -> str:
    """The shell command textual-serve runs for each browser session."""
    argv = [sys.executable, "-m", "perfdraft.serve", "--session", str(root)]
    if demo:
        argv.append("--demo")
    if catalogue:
        argv += ["--catalogue", catalogue]
    return shlex.join(argv)


def _default_root() -> Path:
    from . import locations

    return locations.data_dir() / "web"


def cmd_serve(args: argparse.Namespace) -> int:
    host, port = args.host, args.port
    if not host.strip():
        # an unset variable (--host "$HOST"): it listened on every interface, the warning naming no address
        raise UsageError("--host 是空字符串；只在本机使用时去掉 --host，对外提供时写明地址，如 --host 0.0.0.0")
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}：端口应在 1 到 65535 之间（默认 {DEFAULT_PORT}）")
    root = (Path(args.dir) if args.dir else _default_root()).resolve()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{root}：无法创建草稿目录（{os_reason(exc)}）；用 --dir 指定一个可写的目录") from exc
    if args.public_url and not args.public_url.startswith(("http://", "https://")):
        raise UsageError(f"--public-url {args.public_url}：应以 http:// 或 https:// 开头（浏览器实际访问的地址）")
    if args.catalogue and not Path(args.catalogue).is_dir():
        raise UsageError(f"--catalogue {args.catalogue}：目录不存在")
    address = _resolve(host, port)
    if not is_loopback(host):
        print(WARNING.format(host=host, port=port), file=sys.stderr, flush=True)
    _check_listen(host, port, address)
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        raise UsageError("没有安装 textual-serve：运行 pip install textual-serve 后再试") from exc

    public_url = args.public_url or f"http://{_url_host(host)}:{port}"

    class PerfdraftServer(Server):
        async def on_startup(self, app) -> None:  # textual-serve's banner is English and shows the command
            self.console.print(f"perfdraft 网页版：{public_url}  （Ctrl+C 停止）", highlight=False)
            self.console.print(f"每个浏览器会话的草稿保存在 {root} 下各自的目录中", highlight=False)

    server = PerfdraftServer(session_command(root, demo=args.demo, catalogue=args.catalogue),
                             host=host, port=port, title="perfdraft 绩效目标起草", public_url=public_url.rstrip("/"))
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise UsageError(f"无法在 {host}:{port} 上监听（{os_reason(exc)}）；换一个端口（--port）或地址（--host）") from exc
    return EXIT_OK


def _resolve(host: str, port: int) -> tuple:
    """The address to listen on, or a refusal naming the cause (an unresolvable --host failed with 系统错误)."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError):
        raise UsageError(f"--host {host}：不是有效的地址，也无法解析为本机地址；只在本机使用时去掉 --host，"
                         "对外提供时写本机的地址，如 --host 0.0.0.0") from None


def _check_listen(host: str, port: int, address: tuple) -> None:
    """Refuse what this machine cannot listen on, with its cause, before the banner: the server printed
    "perfdraft 网页版：http://…" first and then failed."""
    family, kind, proto, _, sockaddr = address
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it after
        try:
            probe.bind(sockaddr)
        except OSError as exc:
            raise UsageError(f"无法在 {host}:{port} 上监听（{os_reason(exc)}）；"
                             "换一个端口（--port）或地址（--host）") from None


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        # Bound to every address: the page must name one the browser can reach.
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host


# --- one browser session ---------------------------------------------------------------------


def run_session(root: Path, *, demo: bool = False, catalogue: str | None = None) -> int:
    """The app for one browser session, on a draft of its own."""
    import shutil

    from .tui.app import run_app

    if demo:
        from .locations import demo_copy

        path = demo_copy()  # a temporary copy, removed when the session ends
        return run_app(path, catalogue_dir=catalogue)
    from . import drafts

    session_dir = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=root))
    path = session_dir / DRAFT_NAME
    drafts.save(drafts.new_draft(None), path)
    blank = path.read_bytes()
    try:
        return run_app(path, catalogue_dir=catalogue)
    finally:
        # A session closed before anything was answered leaves no empty draft behind.
        try:
            if path.read_bytes() == blank:
                shutil.rmtree(session_dir, ignore_errors=True)
        except OSError:
            pass


def _session_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m perfdraft.serve")
    parser.add_argument("--session", required=True, help="draft root; each session gets a new directory in it")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--catalogue")
    args = parser.parse_args(argv)
    return run_session(Path(args.session), demo=args.demo, catalogue=args.catalogue)


if __name__ == "__main__":
    sys.exit(_session_main())
