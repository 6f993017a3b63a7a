import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Request, ResponseOf } from '../../background/protocol.ts';
import { PrintableRoute } from '../../printable/PrintableRoute.tsx';
import '../../printable/printable.css';

/**
 * The printable ИОМ: an extension page of its own (opened by «Версия для
 * печати» in the panel), so that the browser prints the ИОМ alone to paper
 * or PDF. The session comes in the query; the data through the worker, as the panel's.
 */
const sessionId = new URLSearchParams(location.search).get('session') ?? '';
const send = <R extends Request>(request: R) => browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
render(<PrintableRoute sessionId={sessionId} send={send} />, document.getElementById('root')!);
