#!/usr/bin/env python3
"""A TCP proxy that holds every connection through it to one shared rate, in
each direction: a link of that speed between a pusher and a registry.
    throttle.py LISTEN_PORT UPSTREAM_PORT MBIT
Both ends are on 127.0.0.1. Bytes sent each way are counted and printed to
stderr as `bytes up=N down=N` when the proxy is stopped (SIGTERM)."""
import asyncio
import signal
import sys
import time


class Bucket:
    """A token bucket of `rate` bytes a second, shared by every connection."""

    def __init__(self, rate):
        self.rate = rate
        self.tokens = 0.0
        self.last = time.monotonic()
        self.lock = asyncio.Lock()
        self.total = 0

    async def take(self, n):
        self.total += n
        async with self.lock:
            now = time.monotonic()
            # At most 10 ms of burst: the link does not save up while idle.
            self.tokens = min(self.tokens + (now - self.last) * self.rate, self.rate / 100)
            self.last = now
            self.tokens -= n
            if self.tokens < 0:
                await asyncio.sleep(-self.tokens / self.rate)


async def pipe(reader, writer, bucket):
    try:
        while data := await reader.read(64 * 1024):
            await bucket.take(len(data))
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main():
    listen, upstream, mbit = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    up, down = Bucket(mbit * 1e6 / 8), Bucket(mbit * 1e6 / 8)

    async def serve(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", upstream)
        await asyncio.gather(pipe(client_reader, server_writer, up), pipe(server_reader, client_writer, down))

    server = await asyncio.start_server(serve, "127.0.0.1", listen)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()
    print(f"bytes up={up.total} down={down.total}", file=sys.stderr, flush=True)


asyncio.run(main())
