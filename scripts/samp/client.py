#!/usr/bin/python3
"""A SAMP client for the end-to-end tests, standing where TOPCAT would: it records what it receives and sends
messages on command. Control over HTTP on 127.0.0.1:SAMP_CLIENT_PORT:

  GET  /health     200 once it is registered with the hub (it connects, and reconnects, on its own)
  GET  /received   the messages received, oldest first: {"mtype", "sender", "params", "sender_name", ...};
                   for table.load.votable also "rows" and "ids" (the first values of the first column), read
                   with astropy from the URL as TOPCAT would
  POST /reset      forgets what it received
  POST /send       {"mtype", "params", "to": "<samp.name of the recipients>"} (to all when "to" is absent)
"""
import io
import json
import os
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from astropy.io.votable import parse
from astropy.samp import SAMPIntegratedClient
from astropy.samp.lockfile_helpers import read_lockfile

PORT = int(os.environ.get("SAMP_CLIENT_PORT", "18121"))
LOCKFILE = os.environ.get("SAMP_LOCKFILE", "/tmp/eso-samp-hub.lock")
NAME = os.environ.get("SAMP_CLIENT_NAME", "pyclient")
MTYPES = ["table.load.votable", "table.select.rowList", "table.highlight.row", "coord.pointAt.sky", "spectrum.load.ssa-generic", "image.load.fits"]

received = []
lock = threading.Lock()
# shared by every e2e run on the machine, started detached (scripts/e2e-servers.mjs): ends itself after this many
# seconds without a control request (0: never)
IDLE_S = float(os.environ.get("E2E_SERVER_IDLE_S", "0") or 0)
last_request = [time.monotonic()]
client = SAMPIntegratedClient(name=NAME, description="test client of eso-archive-explorer", metadata={"samp.description.text": "records messages"})


def read_table(url):
    """What TOPCAT does with table.load.votable: fetch the URL and read its first table."""
    with urllib.request.urlopen(url, timeout=60) as res:
        body = res.read()
    table = parse(io.BytesIO(body)).get_first_table().to_table()
    first = table.colnames[0]
    return {"rows": len(table), "columns": table.colnames, "ids": [str(v) for v in table[first][:10]]}


def record(private_key, sender_id, msg_id, mtype, params, extra):
    entry = {"mtype": mtype, "sender": sender_id, "params": params}
    try:
        entry["sender_name"] = client.get_metadata(sender_id).get("samp.name")
    except Exception:
        pass
    if mtype == "table.load.votable":
        try:
            entry.update(read_table(params["url"]))
        except Exception as e:
            entry["error"] = str(e)
    with lock:
        received.append(entry)
    if msg_id is not None:
        client.reply(msg_id, {"samp.status": "samp.ok", "samp.result": {}})


def connected():
    try:
        return client.is_connected and client.ping() is not None
    except Exception:
        return False


def keep_connected():
    while True:
        if not connected():
            try:
                if client.is_connected:
                    client.disconnect()
            except Exception:
                pass
            try:
                client.connect(hub_params=read_lockfile(LOCKFILE))
                for mtype in MTYPES:
                    client.bind_receive_notification(mtype, lambda pk, s, mt, p, e: record(pk, s, None, mt, p, e))
                    client.bind_receive_call(mtype, lambda pk, s, mid, mt, p, e: record(pk, s, mid, mt, p, e))
                print(f"registered with the hub as {client.get_public_id()}", flush=True)
            except Exception as e:
                print(f"no hub yet ({e})", flush=True)
        time.sleep(1)


def clients_named(name):
    """Every client of that name: a page closed without unregistering leaves one behind, which nobody reads."""
    ids = [cid for cid in client.get_registered_clients() if client.get_metadata(cid).get("samp.name") == name]
    if not ids:
        raise KeyError(f"no client named {name}")
    return ids


class Control(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        last_request[0] = time.monotonic()
        if self.path == "/health":
            return self.answer(200 if connected() else 503, {"connected": connected()})
        if self.path == "/received":
            with lock:
                return self.answer(200, list(received))
        if self.path == "/clients":
            return self.answer(200, [client.get_metadata(c).get("samp.name") for c in client.get_registered_clients()])
        self.answer(404, {"error": "not found"})

    def do_POST(self):
        last_request[0] = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/reset":
            with lock:
                received.clear()
            return self.answer(200, {})
        if self.path == "/send":
            message = {"samp.mtype": body["mtype"], "samp.params": body.get("params", {})}
            try:
                if body.get("to"):
                    for cid in clients_named(body["to"]):
                        client.notify(cid, message)
                else:
                    client.notify_all(message)
            except Exception as e:
                return self.answer(409, {"error": str(e)})
            return self.answer(200, {})
        self.answer(404, {"error": "not found"})


def exit_when_idle():
    while True:
        time.sleep(5)
        if time.monotonic() - last_request[0] > IDLE_S:
            print(f"no request for {IDLE_S:.0f} s: exiting", flush=True)
            if client.is_connected:
                client.disconnect()
            os._exit(0)


def main():
    threading.Thread(target=keep_connected, daemon=True).start()
    if IDLE_S > 0:
        threading.Thread(target=exit_when_idle, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Control)
    print(f"SAMP test client control on http://127.0.0.1:{PORT}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if client.is_connected:
            client.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
