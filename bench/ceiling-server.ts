/**
 * The ceiling: a bare node:http server that reads the request's body and
 * answers a fixed small JSON, nothing else. What no server doing any work can
 * beat on this machine; every figure prints its ratio to it.
 */
import http from 'node:http';

const answer = '{"ok":true}';
const server = http.createServer((request, response) => {
  request.on('data', () => {});
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length }).end(answer));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ПрофРост работает (потолок)'));
