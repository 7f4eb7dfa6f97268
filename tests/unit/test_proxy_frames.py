"""Does the proxy forward a browser's binary WebSocket frame (a widget message carrying a
file) as binary, and text as text?"""

from __future__ import annotations

from praxishub import proxy


class FakeClient:
    def __init__(self) -> None:
        self.sent: list[tuple[object, bool]] = []

    def write_message(self, message: object, binary: bool = False) -> None:
        self.sent.append((message, binary))


class FakeHandler:
    target = None

    def __init__(self) -> None:
        self.ws_client = FakeClient()


def test_binary_frames_stay_binary():
    handler = FakeHandler()
    proxy.on_message(handler, b"\x00\xffPK\x03\x04")
    proxy.on_message(handler, '{"msg_type": "comm_msg"}')
    assert handler.ws_client.sent == [
        (b"\x00\xffPK\x03\x04", True),
        ('{"msg_type": "comm_msg"}', False),
    ]
