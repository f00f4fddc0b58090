"""perfdraft serve: the TUI in a browser through textual-serve, driven over its websocket protocol.

textual-serve's protocol: the page opens ``/ws?width=W&height=H``; the server starts one app process
per connection and forwards its terminal output as binary frames; the browser sends keys as the
text frame ``["stdin", "..."]``. These tests speak that protocol as the page's JavaScript does.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from perfdraft.serve import WARNING, is_loopback, session_command

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[=>()][0-9A-Za-z]?")


def test_loopback_detection():
    for host in ("127.0.0.1", "127.0.0.2", "::1", "localhost"):
        assert is_loopback(host), host
    # Literals are judged without any lookup; no traffic goes anywhere.
    for host in ("0.0.0.0", "::", "192.0.2.10", "10.1.2.3"):
        assert not is_loopback(host), host


def test_session_command_quotes_paths(tmp_path):
    root = tmp_path / "草稿 目录"
    cmd = session_command(root, demo=False, catalogue=None)
    assert cmd.endswith(f"-m perfdraft.serve --session '{root}'")
    assert "--demo" in session_command(root, demo=True, catalogue=None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_warning_before_binding_off_loopback(tmp_path):
    # 192.0.2.0/24 is reserved for documentation: not this machine's, so the bind fails (exit 2),
    # but only after the warning; no packet is sent anywhere.
    r = subprocess.run([sys.executable, "-m", "perfdraft", "serve", "--host", "192.0.2.10", "--port", str(_free_port()),
                        "--dir", str(tmp_path / "web")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2, r.stderr
    assert "没有登录和权限控制" in r.stderr and "反向代理" in r.stderr
    assert r.stderr.index("警告") < r.stderr.index("无法在 192.0.2.10:")
    assert WARNING.splitlines()[0].split("：")[0] in r.stderr
    assert "本机没有这个地址" in r.stderr and "网页版" not in r.stdout  # the cause, and no banner before it


def test_an_address_that_is_no_address_is_refused_before_the_warning(tmp_path):
    # not an IPv4 literal: the resolver says so (a lookup that finds nothing or cannot be made)
    r = subprocess.run([sys.executable, "-m", "perfdraft", "serve", "--host", "999.1.1.1", "--port", str(_free_port()),
                        "--dir", str(tmp_path / "web")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--host 999.1.1.1：不是有效的地址" in r.stderr and "警告" not in r.stderr


def test_a_port_in_use_is_refused_with_its_cause(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "perfdraft", "serve", "--port", str(port), "--dir", str(tmp_path)],
                           capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and f"无法在 127.0.0.1:{port} 上监听（端口已被占用）" in r.stderr


@pytest.mark.slow
def test_no_warning_on_loopback_and_bad_port(tmp_path):
    r = subprocess.run([sys.executable, "-m", "perfdraft", "serve", "--port", "70000", "--dir", str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "端口应在 1 到 65535 之间" in r.stderr and "警告" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "perfdraft", "serve", "--public-url", "jx.example.org", "--dir", str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "http:// 或 https://" in r.stderr


class Browser:
    """One browser tab: a websocket to /ws and the screen text it has been sent."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.raw = ""
        self.messages: list[list] = []  # the server's own JSON messages (a download to start …)

    @property
    def text(self) -> str:
        return ANSI.sub("", self.raw)

    async def until(self, word: str, timeout: float = 30) -> None:
        import aiohttp

        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while word not in self.text:
            msg = await asyncio.wait_for(self.ws.receive(), max(0.1, end - loop.time()))
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.raw += msg.data.decode("utf-8", "replace")
            elif msg.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(msg.data))
            elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"websocket closed before {word!r}: {self.text[-500:]}")

    async def message(self, kind: str, timeout: float = 30) -> list:
        """The first JSON message of ``kind`` the server sent (reading on while there is none yet)."""
        import aiohttp

        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while not any(m[:1] == [kind] for m in self.messages):
            msg = await asyncio.wait_for(self.ws.receive(), max(0.1, end - loop.time()))
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.raw += msg.data.decode("utf-8", "replace")
            elif msg.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(msg.data))
            else:
                raise AssertionError(f"websocket closed before a {kind} message: {self.messages}")
        return next(m for m in self.messages if m[:1] == [kind])

    async def type(self, keys: str) -> None:
        self.raw = ""
        await self.ws.send_str(json.dumps(["stdin", keys]))


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    root = tmp_path / "web"
    env = dict(os.environ, PERFDRAFT_DATA_DIR=str(tmp_path / "data"), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "perfdraft", "serve", "--port", str(port), "--dir", str(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            assert time.monotonic() < deadline, "serve did not listen within 60 s"
            time.sleep(0.2)
    yield port, root, proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_serve_answers_a_browser_and_keeps_sessions_apart(server, tmp_path):
    import aiohttp

    port, root, proc = server
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
        page = r.read().decode("utf-8")
    assert r.status == 200 and f"ws://127.0.0.1:{port}/ws" in page and "perfdraft" in page

    async def drive() -> None:
        async with aiohttp.ClientSession() as http:
            a_ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30")
            b_ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
            idle = await http.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
            a, b, c = Browser(a_ws), Browser(b_ws), Browser(idle)
            await asyncio.gather(a.until("部门名称"), b.until("部门名称"), c.until("部门名称"))
            assert "先说说单位" in a.text  # the drafting screen, first question
            await a.type("甲县财政局\r")
            await b.type("乙县社保局\r")
            await asyncio.gather(a.until("部门编码"), b.until("部门编码"))
            assert "乙县社保局" not in a.text  # each tab sees its own session (the drafts are checked below)
            sessions = sorted(p for p in root.iterdir() if p.is_dir())
            assert len(sessions) == 3
            locks = sorted(root.glob("*/*.lock"))
            assert len(locks) == 3 and len({p.parent for p in locks}) == 3  # one lock per session directory
            for ws in (a_ws, b_ws, idle):
                await ws.close()

    asyncio.run(drive())
    # The apps save and leave when their tab closes; the session nobody answered leaves nothing.
    deadline = time.monotonic() + 30
    while (list(root.glob("*/*.lock")) or len(list(root.iterdir())) != 2) and time.monotonic() < deadline:
        time.sleep(0.2)
    drafts = sorted(root.glob("*/绩效目标草稿.toml"))
    names = sorted(re.search(r'name = "(.+)"', p.read_text("utf-8")).group(1) for p in drafts)  # type: ignore[union-attr]
    assert names == ["乙县社保局", "甲县财政局"]
    assert not list(root.glob("*/*.lock"))
    assert not list((tmp_path / "tmp").iterdir())
    assert proc.poll() is None


@pytest.mark.slow
def test_an_export_in_the_browser_is_downloaded_by_the_browser(server, tmp_path):
    """/export in a browser session: the file is written on the server and handed to the browser as a
    download (textual-serve's deliver_file_start, then /download/KEY), which is what the page's script
    fetches."""
    import aiohttp

    port, root, _ = server

    async def drive() -> bytes:
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30")
            tab = Browser(ws)
            await tab.until("部门名称")
            await tab.type("甲县财政局\r")
            await tab.until("部门编码")
            await tab.type("/export csv\r")
            await tab.until("已发送到浏览器下载")
            key = (await tab.message("deliver_file_start"))[1]
            async with http.get(f"http://127.0.0.1:{port}/download/{key}") as r:
                assert r.status == 200
                assert "绩效目标草稿.csv" in r.headers.get("Content-Disposition", "")
                body = await r.read()
            await ws.close()
            return body

    body = asyncio.run(drive())
    exported = sorted(root.glob("*/绩效目标草稿.csv"))
    assert len(exported) == 1 and body == exported[0].read_bytes()  # the browser got the file written
    assert body.decode("utf-8-sig").startswith("项目编码,项目名称")


@pytest.mark.slow
def test_demo_under_textual_serve_starts_full_screen(tmp_path):
    """`perfdraft demo` as textual-serve runs it (pipes, web driver): the app starts, no terminal needed."""
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver", TERM="", TMPDIR=str(tmp_path))
    p = subprocess.Popen([sys.executable, "-m", "perfdraft", "demo"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    assert p.stdout is not None and p.stdin is not None
    first = p.stdout.readline()
    assert first == b"__GANGLION__\n", first + (p.stderr.read() if p.stderr else b"")
    quit_packet = json.dumps({"type": "quit"}).encode()
    p.stdin.write(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet)
    p.stdin.close()
    p.wait(timeout=30)
    assert not list(tmp_path.iterdir())  # the demo's temporary directory is gone


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("chromium") and sys.platform == "linux"), reason="chromium not installed")
def test_headless_chromium_drafts_an_answer(server, tmp_path):
    """A real browser: headless Chromium opens the page, the drafting screen starts, a typed answer is saved."""
    import aiohttp

    port, root, _ = server
    debug_port = _free_port()
    # its profile and scratch dirs in a short directory of their own, removed at the end: under pytest's
    # tmp_path (pytest-1015/test_headless_chromium_drafts_0/…) its socket's path passed the 107 bytes a Unix
    # socket may have, and chromium never started
    scratch = Path(tempfile.mkdtemp(prefix="pdchr-"))
    browser = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                f"--user-data-dir={scratch / 'profile'}",
                                f"--remote-debugging-port={debug_port}", "--window-size=1100,700", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, TMPDIR=str(scratch)))

    async def drive() -> None:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{debug_port}/json") as r:
                        tabs = [t for t in await r.json() if t.get("type") == "page"]
                    if tabs:
                        break
                except aiohttp.ClientError:
                    pass
                assert time.monotonic() < deadline, "chromium did not start"
                await asyncio.sleep(0.3)
            ws = await http.ws_connect(tabs[0]["webSocketDebuggerUrl"], max_msg_size=0)
            ids = iter(range(1, 10_000))

            async def call(method: str, **params) -> dict:
                n = next(ids)
                await ws.send_str(json.dumps({"id": n, "method": method, "params": params}))
                while True:
                    m = json.loads((await ws.receive(timeout=60)).data)
                    if m.get("id") == n:
                        return m.get("result", {})

            await call("Page.navigate", url=f"http://127.0.0.1:{port}/")
            # The app is up once its session directory holds a locked draft; give it a moment to paint.
            while not list(root.glob("*/*.lock")):
                assert time.monotonic() < deadline, "no app session started for the page"
                await asyncio.sleep(0.3)
            draft = next(root.glob("*/绩效目标草稿.toml"))
            while "丙县农业局" not in draft.read_text("utf-8"):
                assert time.monotonic() < deadline, "the typed answer never reached the draft"
                for kind in ("mousePressed", "mouseReleased"):  # focus the terminal
                    await call("Input.dispatchMouseEvent", type=kind, x=500, y=300, button="left", clickCount=1)
                await call("Input.insertText", text="丙县农业局")
                await asyncio.sleep(0.5)
                for kind in ("keyDown", "keyUp"):
                    await call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                               **({"text": "\r"} if kind == "keyDown" else {}))
                await asyncio.sleep(2)
            await ws.close()

    try:
        asyncio.run(drive())
    finally:
        browser.terminate()
        browser.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)
    (draft,) = root.glob("*/绩效目标草稿.toml")
    assert 'name = "丙县农业局"' in draft.read_text("utf-8")
