"""An independent Socket.IO client (python-socketio, Debian's) that knows only the spec.

Usage: spec_client.py URL GOOD_TOKEN BAD_TOKEN

Connects with BAD_TOKEN and expects `authorization:error`, then with GOOD_TOKEN and expects
`authorization:ok`; prints {"ready": true} and waits for one `order:new` and one
`order:condition`. Each handler takes exactly the arguments the spec gives its event; an event
with more (or fewer), or one the spec does not have, is a failure. Prints one JSON line at the
end: {"ready": false, "events": [{"event", "args"}], "failures": ["..."]}.
"""

import inspect
import json
import sys
import threading

import socketio

SPEC_OPTIONS = {"socketio_path": "/ws", "transports": ["websocket"]}
TIMEOUT_S = 10


class SpecClient:
    """One connection, with the spec's four handlers and nothing else."""

    def __init__(self, events, failures):
        self.events = events
        self.failures = failures
        self.sio = socketio.Client(reconnection=False)
        self.done = threading.Event()
        self.wanted = set()
        self.register("authorization:ok", self.on_authorization_ok)
        self.register("authorization:error", self.on_authorization_error)
        self.register("order:new", self.on_order_new)
        self.register("order:condition", self.on_order_condition)
        self.sio.on("*", self.on_unknown)
        self.sio.on("disconnect", lambda: self.done.set())

    def register(self, event, handler):
        """The handler runs only when the arguments fit its signature exactly."""
        signature = inspect.signature(handler)

        def strict(*args):
            self.events.append({"event": event, "args": list(args)})
            try:
                signature.bind(*args)
            except TypeError:
                expected = len(signature.parameters)
                self.failures.append(
                    f"{event} arrived with {len(args)} argument(s), the spec has {expected}: "
                    + json.dumps(args, ensure_ascii=False)[:300]
                )
                # Counted as arrived all the same, so one failure does not hide the others.
                self.arrived(event)
                return
            handler(*args)

        self.sio.on(event, strict)

    def on_unknown(self, event, *args):
        self.events.append({"event": event, "args": list(args)})
        self.failures.append(f"{event} is not an event of the spec")

    def arrived(self, event):
        self.wanted.discard(event)
        if not self.wanted:
            self.done.set()

    def on_authorization_ok(self):
        self.arrived("authorization:ok")

    def on_authorization_error(self, payload):
        self.arrived("authorization:error")

    def on_order_new(self, order):
        self.arrived("order:new")

    def on_order_condition(self, change):
        self.arrived("order:condition")

    def run(self, url, token, wanted, then=None):
        """Connects and waits until every event in `wanted` arrived (or the server hung up)."""
        self.wanted = set(wanted)
        self.done.clear()
        self.sio.connect(url, auth={"token": token}, wait_timeout=TIMEOUT_S, **SPEC_OPTIONS)
        if then is not None:
            # Wait for the handshake's answer before saying ready, so no order is sent too early.
            first = set(wanted) - set(then)
            while self.wanted & first and not self.done.wait(0.05):
                pass
            print(json.dumps({"ready": True}), flush=True)
        if not self.done.wait(TIMEOUT_S):
            self.failures.append(f"timed out waiting for {sorted(self.wanted)}")
        elif self.wanted:
            self.failures.append(f"the server hung up before {sorted(self.wanted)}")
        self.sio.disconnect()


def main():
    url, good, bad = sys.argv[1:4]
    events, failures = [], []
    try:
        SpecClient(events, failures).run(url, bad, ["authorization:error"])
        SpecClient(events, failures).run(
            url,
            good,
            ["authorization:ok", "order:new", "order:condition"],
            then=["order:new", "order:condition"],
        )
    except Exception as error:  # a failure to report, not to crash on
        failures.append(f"{type(error).__name__}: {error}")
    print(json.dumps({"ready": False, "events": events, "failures": failures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
