// Real peers for the alert tests: an SMTP server in the test process (smtp-server) and HTTP
// endpoints that accept, fail (500) or hang on purpose. Both listen on 127.0.0.1, port 0.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface Mail {
  messageId: string
  to: string[]
  subject: string
  raw: string
}

export interface SmtpPeer {
  port: number
  mails: Mail[]
  close(): Promise<void>
}

/** A real SMTP server that keeps what it receives (no TLS, no auth: a local test peer). */
export async function startSmtp(): Promise<SmtpPeer> {
  const mails: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.setEncoding('utf8')
      stream.on('data', (c: string) => (raw += c))
      stream.on('end', () => {
        // Unfold header lines ("\r\n " continues the previous line) before reading them.
        const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
        mails.push({ messageId: header('Message-ID'), to: session.envelope.rcptTo.map((r) => r.address), subject: header('Subject'), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

export interface HttpRequest {
  path: string
  headers: IncomingHttpHeaders
  body: unknown
  /** What the peer answered: 200, 500, or 0 when it hung. */
  answered: number
}

export interface HttpPeer {
  url: string
  requests: HttpRequest[]
  /** The requests it accepted (answered 200). */
  accepted(): HttpRequest[]
  close(): Promise<void>
}

/** An HTTP endpoint whose behaviour for the n-th request (0-based) is `mode(n)`. */
export async function startHttp(mode: (n: number) => 'ok' | 'fail' | 'hang' = () => 'ok'): Promise<HttpPeer> {
  const requests: HttpRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (body += c))
    req.on('end', () => {
      const how = mode(requests.length)
      let parsed: unknown = body
      try {
        parsed = JSON.parse(body)
      } catch {}
      const entry: HttpRequest = { path: req.url ?? '', headers: req.headers, body: parsed, answered: 0 }
      requests.push(entry)
      if (how === 'hang') return
      entry.answered = how === 'ok' ? 200 : 500
      res.writeHead(entry.answered, { 'content-type': 'text/plain' }).end(how === 'ok' ? 'ok' : 'broken on purpose')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    accepted: () => requests.filter((r) => r.answered === 200),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
