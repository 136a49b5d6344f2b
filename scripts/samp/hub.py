#!/usr/bin/python3
"""A SAMP hub with the Web Profile on loopback, for the end-to-end tests (astropy's SAMPHubServer).

It accepts every Web Profile registration without asking (the consent dialog TOPCAT or Aladin would show is
answered "yes"), writes its lockfile to SAMP_LOCKFILE, and says so on stdout. The Web Profile's port is fixed
(21012, where web clients look): when a hub already listens there, this script leaves it be and exits 0.
"""
import os
import socket
import sys
import threading
import time

from astropy.samp import SAMPHubServer

WEB_PORT = int(os.environ.get("SAMP_WEB_PORT", "21012"))
LOCKFILE = os.environ.get("SAMP_LOCKFILE", "/tmp/eso-samp-hub.lock")
# shared by every e2e run on the machine, started detached (scripts/e2e-servers.mjs): astropy's hub stops itself after
# this many seconds without activity (0: never)
IDLE_S = int(float(os.environ.get("E2E_SERVER_IDLE_S", "0") or 0))


def port_taken(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


class AcceptAll:
    """Stands for the consent dialog: every web client that asks is registered (tests only)."""

    queue_request = None
    queue_result = None

    def run(self):
        while True:
            if self.queue_request is None:
                time.sleep(0.05)
                continue
            request = self.queue_request.get()
            name = request[0] if isinstance(request[0], str) else request[0].get("samp.name")
            print(f"web client registered: {name} from {request[2]}", flush=True)
            self.queue_result.put(True)


def main():
    if port_taken(WEB_PORT):
        print(f"a SAMP Web Profile hub already listens on {WEB_PORT}; using it", flush=True)
        return 0
    dialog = AcceptAll()
    hub = SAMPHubServer(
        web_profile=True,
        web_profile_dialog=dialog,
        web_port=WEB_PORT,
        lockfile=LOCKFILE,
        label="eso-archive-explorer test hub",
        timeout=IDLE_S,
        client_timeout=0,
    )
    threading.Thread(target=dialog.run, daemon=True).start()
    hub.start(wait=False)
    print(f"SAMP hub up: web profile on {WEB_PORT}, lockfile {LOCKFILE}", flush=True)
    try:
        while hub.is_running:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        hub.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
