// The real distribution, unpacked into the build's target folder, configured with free ports,
// test people and partner tokens, started as a child process and stopped again.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

export const PEOPLE = {
  coordinator: { name: 'coordinator1', password: 'ui-Coordinator-Pw1', roles: 'coordinator' },
  ggz: { name: 'ggzpro', password: 'ui-Ggz-Pw2', roles: 'partner-ggz' },
  mee: { name: 'meepro', password: 'ui-Mee-Pw3', roles: 'partner-mee' },
  operator: { name: 'operator1', password: 'ui-Operator-Pw4', roles: 'operator' },
  jbrr: { name: 'crisisteam1', password: 'ui-Jbrr-Pw6', roles: 'partner-jbrr' },
  privacy: { name: 'privacy1', password: 'ui-Privacy-Pw7', roles: 'privacy-officer' },
};

/** Used only to see that the platform is ready, so that a login tried too early locks nobody else out. */
const PROBE = { name: 'readiness-probe', password: 'ui-Probe-Pw5', roles: 'operator' };

const PARTNERS = ['ggz', 'horizon', 'rvdk', 'mee', 'jbrr'];

/** A free TCP port in 40000–49999 (this project's tests stay there). */
async function freePort(taken) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 40000 + Math.floor(Math.random() * 10000);
    if (taken.has(port)) continue;
    // eslint-disable-next-line no-await-in-loop
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port in 40000-49999');
}

function setProperty(file, key, value) {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const pattern = new RegExp(`^\\s*#?\\s*${key.replace(/\./g, '\\.')}\\s*=`);
  const index = lines.findIndex((line) => pattern.test(line));
  const entry = `${key} = ${value}`;
  if (index >= 0) lines[index] = entry;
  else lines.push(entry);
  fs.writeFileSync(file, lines.join('\n'));
}

export function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export class Platform {
  constructor({ archive, workDir }) {
    this.archive = archive;
    this.workDir = workDir;
    this.tokens = Object.fromEntries(PARTNERS.map((id) => [id, `ui-test-${id}-${randomBytes(12).toString('hex')}`]));
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async start() {
    if (!fs.existsSync(this.archive)) {
      throw new Error(`No distribution at ${this.archive}: build karaf-features/distribution first`);
    }
    // one unpacked platform is kept for its logs (the last run's); older ones go
    fs.mkdirSync(this.workDir, { recursive: true });
    for (const old of fs.readdirSync(this.workDir).filter((name) => name.startsWith('platform-'))) {
      fs.rmSync(path.join(this.workDir, old), { recursive: true, force: true });
    }
    const target = path.join(this.workDir, `platform-${Date.now()}`);
    fs.mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', this.archive, '-C', target]);
    const [folder] = fs.readdirSync(target);
    this.home = path.join(target, folder);
    const taken = new Set();
    this.httpPort = await freePort(taken);
    const etc = path.join(this.home, 'etc');
    setProperty(path.join(etc, 'org.ops4j.pax.web.cfg'), 'org.osgi.service.http.port', this.httpPort);
    setProperty(path.join(etc, 'org.apache.karaf.shell.cfg'), 'sshPort', await freePort(taken));
    setProperty(path.join(etc, 'org.apache.karaf.management.cfg'), 'rmiRegistryPort', await freePort(taken));
    setProperty(path.join(etc, 'org.apache.karaf.management.cfg'), 'rmiServerPort', await freePort(taken));
    const users = path.join(etc, 'zorgtafel-users.properties');
    this.usersFile = users;
    fs.appendFileSync(users, `\n${[...Object.values(PEOPLE), PROBE].map((p) => `${p.name} = ${p.password},${p.roles}`).join('\n')}\n`);
    // the partners' systems: a token each; Horizon's notifications go nowhere (a closed port), so
    // that they become dead letters after one attempt, for the operator's page
    this.deadPort = await freePort(taken);
    for (const id of PARTNERS) {
      const cfg = path.join(etc, `nl.zorgtafel.partner-${id}.cfg`);
      setProperty(cfg, 'tokenSha256', sha256Hex(this.tokens[id]));
      if (id === 'horizon') {
        setProperty(cfg, 'outboundUrl', `http://127.0.0.1:${this.deadPort}/horizon`);
        setProperty(cfg, 'maxAttempts', '1');
      }
    }
    // a crisis the crisis team has not acknowledged alerts the coordinator at once, not after an hour
    const core = path.join(etc, 'nl.zorgtafel.core.cfg');
    setProperty(core, 'crisisAcknowledgementMinutes', '0');
    setProperty(core, 'crisisCheckSeconds', '1');
    this.log = fs.openSync(path.join(target, 'karaf-console.log'), 'a');
    this.process = spawn(path.join(this.home, 'bin', 'karaf'), ['server'], {
      cwd: this.home, detached: true, stdio: ['ignore', this.log, this.log],
      env: { ...process.env, KARAF_OPTS: '-Dkaraf.log.console=WARN' },
    });
    this.exited = new Promise((resolve) => { this.process.once('exit', resolve); });
    await this.waitUntilHealthy(180_000);
    await this.waitForRealm(60_000);
    await this.waitForAdapters(60_000);
  }

  async waitUntilHealthy(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`Karaf exited with ${this.process.exitCode}; see ${this.home}`);
      try {
        // eslint-disable-next-line no-await-in-loop
        const response = await fetch(`${this.baseUrl}/api/v1/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      // eslint-disable-next-line no-await-in-loop
      await sleep(500);
    }
    throw new Error(`The platform did not become healthy within ${timeoutMs} ms; see ${this.home}/data/log`);
  }

  /**
   * The realm is up once it has replaced the plain passwords in its users file by their hashes.
   * Logging in before that would count as failed logins, and enough of them lock a name (and
   * the test's address) out: so the file is watched instead.
   */
  async waitForRealm(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const lines = fs.readFileSync(this.usersFile, 'utf8').split('\n').filter((line) => /^[a-z0-9-]+ = /.test(line));
      if (lines.length && lines.every((line) => line.includes('{CRYPT}'))) return;
      // eslint-disable-next-line no-await-in-loop
      await sleep(500);
    }
    throw new Error('The zorgtafel realm did not hash its users file in time');
  }

  /** The UI and every adapter are there (boot features install in the background). */
  async waitForAdapters(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    const auth = `Basic ${Buffer.from(`${PROBE.name}:${PROBE.password}`).toString('base64')}`;
    let seen = 'nothing yet';
    while (Date.now() < deadline) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const [partners, ui] = await Promise.all([
          fetch(`${this.baseUrl}/api/v1/partners`, { headers: { Authorization: auth } })
            .then(async (r) => (r.ok ? r.json() : { status: r.status, body: await r.text() })),
          fetch(`${this.baseUrl}/ui/`).then((r) => r.status),
        ]);
        seen = `UI ${ui}, partners ${JSON.stringify(partners)}`;
        const active = new Set((Array.isArray(partners) ? partners : []).filter((p) => p.adapter === 'ACTIVE').map((p) => p.partnerId));
        if (ui === 200 && PARTNERS.every((id) => active.has(id))) return;
      } catch (error) {
        seen = error.message;
      }
      // a login that fails counts towards a lock-out: not too often
      // eslint-disable-next-line no-await-in-loop
      await sleep(seen.includes('"status":401') ? 4000 : 500);
    }
    throw new Error(`The UI or an adapter did not come up in time; last seen: ${seen}`);
  }

  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    try {
      execFileSync(path.join(this.home, 'bin', 'stop'), { cwd: this.home, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // fall through to the signal
    }
    const stopped = await Promise.race([this.exited.then(() => true), sleep(60_000).then(() => false)]);
    if (!stopped) {
      // the whole process group this harness started: bin/karaf and its JVM
      try { process.kill(-this.process.pid, 'SIGKILL'); } catch { /* gone */ }
      await this.exited;
    }
    fs.closeSync(this.log);
  }
}
