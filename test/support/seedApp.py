# A small web app like the seed article's, in Python's standard library: two endpoints that write with
# SQLite, one holding its write transaction for a while. Each request runs in a thread of its own with
# its own connection (like a sync FastAPI handler in a thread pool).
#   POST|GET /session_a  inserts one row and commits at once
#   POST|GET /session_b  begins a write, inserts one row, holds the lock --hold-ms, then commits
# A request that hits "database is locked" answers 500 with the error in its body and prints the
# traceback to stderr, as frameworks log it. Prints "listening on PORT" once it accepts connections.
# --mode blocking serves every request on one asyncio event loop instead, like async endpoints calling a
# sync driver (the seed's FastAPI app with sync SQLAlchemy): the sqlite3 calls block the loop, and
# session_b's hold is an `await asyncio.sleep`, which lets other requests run while it holds its lock.
import argparse, asyncio, sqlite3, sys, threading, time, traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--db", required=True)
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--hold-ms", type=int, default=1000)
parser.add_argument("--busy-timeout-ms", type=int, default=5000)
parser.add_argument("--mode", choices=("threads", "blocking"), default="threads")
args = parser.parse_args()

setup = sqlite3.connect(args.db)
setup.execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT)")
setup.commit()
setup.close()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.handle_write()

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self.handle_write()

    def handle_write(self):
        if self.path not in ("/session_a", "/session_b"):
            self.answer(404, "no such endpoint")
            return
        db = sqlite3.connect(args.db, timeout=args.busy_timeout_ms / 1000, isolation_level=None)
        try:
            db.execute("BEGIN")
            db.execute("INSERT INTO items (name) VALUES (?)", (self.path,))
            if self.path == "/session_b":
                time.sleep(args.hold_ms / 1000)
            db.execute("COMMIT")
            self.answer(200, "ok")
        except sqlite3.OperationalError as error:
            traceback.print_exc()
            if db.in_transaction:
                db.execute("ROLLBACK")
            self.answer(500, "Internal Server Error: " + str(error))
        finally:
            db.close()

    def answer(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("content-type", "text/plain")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *values):
        sys.stderr.write("%s - %s\n" % (self.address_string(), format % values))


async def blocking_write(path):
    db = sqlite3.connect(args.db, timeout=args.busy_timeout_ms / 1000, isolation_level=None)
    try:
        db.execute("BEGIN")
        db.execute("INSERT INTO items (name) VALUES (?)", (path,))
        if path == "/session_b":
            await asyncio.sleep(args.hold_ms / 1000)
        db.execute("COMMIT")
        return 200, "ok"
    except sqlite3.OperationalError as error:
        traceback.print_exc()
        if db.in_transaction:
            db.execute("ROLLBACK")
        return 500, "Internal Server Error: " + str(error)
    finally:
        db.close()


async def serve_connection(reader, writer):
    # HTTP/1.1 with keep-alive, as much of it as a load test's client uses.
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length:
                await reader.readexactly(length)
            if path in ("/session_a", "/session_b"):
                status, text = await blocking_write(path)
            else:
                status, text = 404, "no such endpoint"
            sys.stderr.write('%s "%s %s" %d\n' % ("127.0.0.1", method, path, status))
            body = text.encode()
            reason = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}[status]
            writer.write(
                b"HTTP/1.1 %d %s\r\ncontent-type: text/plain\r\ncontent-length: %d\r\n\r\n"
                % (status, reason.encode(), len(body))
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def serve_blocking():
    server = await asyncio.start_server(serve_connection, "127.0.0.1", args.port)
    print("listening on %d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if args.mode == "blocking":
    asyncio.run(serve_blocking())
else:
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()
