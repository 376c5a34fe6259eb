/**
 * One port, two protocols: the emulator's listening socket hands each new connection to a plain HTTP server or, when
 * its first byte opens a TLS handshake (record type 22, RFC 8446 §5.1), to an HTTPS server with the emulator's
 * identity (sts/certificate.ts). Both run the same request handler, so `http://127.0.0.1:<port>` serves the SDKs that
 * allow plain HTTP and `https://127.0.0.1:<port>` serves Alibaba's credential providers, which call STS over HTTPS
 * only (sts/certificate.ts).
 *
 * The first bytes are read before the protocol is known, so the TLS side is given a stream over the socket with those
 * bytes put back (Node's TLS then reads through JavaScript instead of taking over the socket's handle).
 */
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import { Duplex } from "node:stream";
import type { TlsIdentity } from "./certificate";

/** The first byte of a TLS record carrying a handshake message. */
const TLS_HANDSHAKE = 0x16;

/** Idle keep-alive connections are closed after this long (both protocols). */
const KEEP_ALIVE_TIMEOUT_MS = 1000;

/** A listening socket that serves HTTP and HTTPS on one port. */
export interface Listener extends net.Server {
  /** Closes every connection, busy or idle (both protocols). */
  closeAllConnections(): void;
}

/**
 * Creates the listener. Like `http.Server.close()` (Node ≥ 19), its `close()` also closes idle keep-alive
 * connections, so a client's next request opens a new connection (the outage faults rely on it, server.ts).
 */
export function createListener(handler: http.RequestListener, identity: TlsIdentity): Listener {
  const plain = http.createServer(handler);
  const secure = https.createServer({ key: identity.key, cert: identity.cert }, handler);
  plain.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  secure.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const sockets = new Set<net.Socket>();
  const undecided = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    undecided.add(socket);
    socket.once("close", () => (sockets.delete(socket), undecided.delete(socket)));
    socket.on("error", () => socket.destroy());
    socket.once("data", (first: Buffer) => {
      undecided.delete(socket);
      socket.pause();
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) secure.emit("connection", Duplex.from({ readable: socket, writable: socket }));
      else plain.emit("connection", socket);
      socket.resume();
    });
  }) as Listener;
  const close = front.close.bind(front);
  front.close = (callback?: (err?: Error) => void) => {
    close(callback);
    plain.closeIdleConnections();
    secure.closeIdleConnections();
    undecided.forEach((s) => s.destroy());
    return front;
  };
  front.closeAllConnections = () => sockets.forEach((s) => s.destroy());
  return front;
}
