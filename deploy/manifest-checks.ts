/**
 * Static checks of the Kubernetes manifests in deploy/ (used by manifests.spec.ts). No cluster,
 * no network: every document is validated against the OpenAPI schemas shipped in the
 * `kubernetes-models` packages, and the documents are checked against each other.
 *
 * Every check returns a list of problems (empty = fine) so the spec can also prove that a broken
 * document or a broken cross-reference is caught.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = Record<string, any>;

export interface ManifestDoc {
  file: string;
  index: number;
  obj: K8sObject;
}

/** The four services, their ports and their env prefix (README "Configuration"). */
export const SERVICES: Record<string, { port: number; prefix: string }> = {
  intake: { port: 3001, prefix: 'INTAKE' },
  routing: { port: 3002, prefix: 'ROUTING' },
  notifications: { port: 3003, prefix: 'NOTIFICATIONS' },
  reporting: { port: 3004, prefix: 'REPORTING' },
};

/**
 * The secrets each service refuses to start without outside development (its *.config.ts): in
 * a manifest each comes from a Secret, never a literal value or a ConfigMap.
 */
export const SERVICE_SECRETS: Record<string, string[]> = {
  intake: ['INTAKE_SECRET'],
  routing: [],
  notifications: ['NOTIFICATIONS_SECRET', 'NOTIFICATIONS_SMTP_URL', 'NOTIFICATIONS_SMS_URL'],
  reporting: [],
};

/** Every container runs in production mode, where development fallbacks are refused. */
function productionModeProblems(at: string, c: K8sObject): string[] {
  const mode = (c.env ?? []).find((e: K8sObject) => e.name === 'NODE_ENV');
  return mode?.value === 'production' ? [] : [`${at}: env NODE_ENV must be "production"`];
}

export const NAMESPACE = 'lotsen';

// ---------------------------------------------------------------------------------------------
// Loading

export function loadManifests(dir: string): { docs: ManifestDoc[]; problems: string[] } {
  const docs: ManifestDoc[] = [];
  const problems: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const parsed = parseManifestText(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    docs.push(...parsed.docs);
    problems.push(...parsed.problems);
  }
  return { docs, problems };
}

export function parseManifestText(text: string, file = '<text>'): { docs: ManifestDoc[]; problems: string[] } {
  const docs: ManifestDoc[] = [];
  const problems: string[] = [];
  parseAllDocuments(text, { uniqueKeys: true }).forEach((doc, index) => {
    if (!('errors' in doc)) {
      problems.push(`${file}: unparseable trailing content`);
      return;
    }
    for (const e of [...doc.errors, ...doc.warnings]) problems.push(`${file}#${index}: ${e.message}`);
    const obj = doc.toJS({ maxAliasCount: 0 });
    if (obj === null || obj === undefined) return; // an empty document (e.g. a trailing ---)
    if (typeof obj !== 'object' || Array.isArray(obj)) {
      problems.push(`${file}#${index}: a document must be a mapping`);
      return;
    }
    docs.push({ file, index, obj });
  });
  return { docs, problems };
}

export const where = (d: ManifestDoc) => `${d.file}#${d.index} ${d.obj.kind ?? '?'}/${d.obj.metadata?.name ?? '?'}`;

// ---------------------------------------------------------------------------------------------
// Schema validation

export interface ModelClass {
  new (data: K8sObject): { validate(): void };
  prototype: { validate(this: unknown): void };
  apiVersion?: string;
  kind?: string;
}

/** Installed packages with generated models for custom resources, by API group. */
const CRD_MODEL_PACKAGES: Record<string, string> = {
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
};

/**
 * The model class for apiVersion + kind, from the package layout: core `v1` is
 * `kubernetes-models/v1/<Kind>`, `group/version` is `kubernetes-models/<group>/<version>/<Kind>`,
 * and CRD groups come from their own `@kubernetes-models/*` package with the same layout.
 */
export function modelClassFor(apiVersion: unknown, kind: unknown): ModelClass | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind) || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const modulePath = group === ''
    ? `kubernetes-models/${version}/${kind}`
    : CRD_MODEL_PACKAGES[group]
      ? `${CRD_MODEL_PACKAGES[group]}/${group}/${version}/${kind}`
      : `kubernetes-models/${group}/${version}/${kind}`;
  let mod: Record<string, unknown>;
  try {
    mod = require(modulePath);
  } catch (err) {
    if ((err as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  const cls = mod[kind] as ModelClass | undefined;
  // The model must really be this apiVersion/kind (and not, say, an embedded type of that name).
  if (!cls || cls.apiVersion !== apiVersion || cls.kind !== kind) return undefined;
  return cls;
}

/**
 * Fields the schema does not know, like `kubectl apply --validate=strict`. The generated
 * validators do not reject unknown properties, but they read every property their schema
 * declares; so the document is validated once more through a Proxy that records which
 * properties were read, and a property the validator never looked at — in an object where it
 * looked at some — is unknown. Objects whose keys the validator enumerates (maps: labels,
 * ConfigMap data, resource lists…) and objects it never looks into (free-form) are accepted.
 */
export function unknownFields(validate: (data: unknown) => void, obj: K8sObject): string[] {
  const read = new Map<string, Set<string>>();
  const enumerated = new Set<string>();
  const note = (p: string, key: string | symbol) => {
    if (typeof key !== 'string') return;
    if (!read.has(p)) read.set(p, new Set());
    read.get(p)!.add(key);
  };
  const wrap = (value: unknown, p: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    return new Proxy(value as object, {
      get(target, key, receiver) {
        note(p, key);
        const v = Reflect.get(target, key, receiver);
        return typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key) ? wrap(v, `${p}.${key}`) : v;
      },
      has(target, key) {
        note(p, key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        note(p, key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys(target) {
        enumerated.add(p);
        return Reflect.ownKeys(target);
      },
    });
  };
  try {
    validate(wrap(obj, ''));
  } catch {
    // schema errors are reported by validateDocument; only the reads matter here
  }
  const unknown: string[] = [];
  const walk = (value: unknown, p: string) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${p}.${i}`));
      return;
    }
    const seen = read.get(p);
    const checkKeys = !enumerated.has(p) && seen !== undefined && seen.size > 0;
    for (const [key, v] of Object.entries(value)) {
      if (checkKeys && !seen!.has(key)) unknown.push(`${p}.${key}`.replace(/^\./, ''));
      else walk(v, `${p}.${key}`);
    }
  };
  walk(obj, '');
  return unknown;
}

/** Kubernetes resource.Quantity, e.g. 500m, 1, 1.5, 2Gi, 20Gi, 1e3. */
export const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Quantity to a number (bytes, cores), for comparing requests with limits. */
export function quantityValue(q: unknown): number {
  const s = String(q);
  const m = QUANTITY.exec(s);
  if (!m) return NaN;
  const num = parseFloat(s);
  const suffix = m[3] ?? '';
  const bin: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  const dec: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  if (suffix in bin) return num * bin[suffix];
  if (suffix in dec) return num * dec[suffix];
  return num; // exponent form, already in the number
}

/**
 * RabbitmqCluster (rabbitmq.com/v1beta1) of the RabbitMQ Cluster Operator. No maintained package
 * with its CRD schema is installed, so this is a hand-written check of the fields deploy/ uses
 * (after the operator's CRD, api/v1beta1/rabbitmqcluster_types.go): known top-level spec fields
 * only, replicas an integer ≥ 1, image a string, resources a core/v1 ResourceRequirements and
 * affinity a core/v1 Affinity (both validated with kubernetes-models), persistence.storage a
 * quantity, rabbitmq.* config strings.
 */
export function validateRabbitmqCluster(obj: K8sObject): string[] {
  const problems: string[] = [];
  if (obj.apiVersion !== 'rabbitmq.com/v1beta1') problems.push(`apiVersion must be rabbitmq.com/v1beta1`);
  if (obj.kind !== 'RabbitmqCluster') problems.push(`kind must be RabbitmqCluster`);
  for (const key of Object.keys(obj)) if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(key)) problems.push(`unknown field ${key}`);
  const spec = obj.spec;
  if (!isPlainObject(spec)) return [...problems, 'spec must be an object'];
  const knownSpec = ['replicas', 'image', 'imagePullSecrets', 'service', 'persistence', 'resources', 'affinity', 'tolerations',
    'rabbitmq', 'tls', 'override', 'skipPostDeployChecks', 'terminationGracePeriodSeconds', 'delayStartSeconds',
    'secretBackend', 'autoEnableAllFeatureFlags'];
  for (const key of Object.keys(spec)) if (!knownSpec.includes(key)) problems.push(`unknown field spec.${key}`);
  if (spec.replicas !== undefined && !(Number.isInteger(spec.replicas) && spec.replicas >= 1)) problems.push('spec.replicas must be an integer ≥ 1');
  if (spec.image !== undefined && (typeof spec.image !== 'string' || spec.image === '')) problems.push('spec.image must be a non-empty string');
  if (spec.resources !== undefined) problems.push(...schemaProblems('v1', 'ResourceRequirements', spec.resources, 'spec.resources'));
  if (spec.affinity !== undefined) problems.push(...schemaProblems('v1', 'Affinity', spec.affinity, 'spec.affinity'));
  if (spec.persistence !== undefined) {
    if (!isPlainObject(spec.persistence)) problems.push('spec.persistence must be an object');
    else {
      for (const key of Object.keys(spec.persistence)) if (!['storage', 'storageClassName'].includes(key)) problems.push(`unknown field spec.persistence.${key}`);
      if (!QUANTITY.test(String(spec.persistence.storage ?? ''))) problems.push('spec.persistence.storage must be a quantity (e.g. 20Gi)');
      if (spec.persistence.storageClassName !== undefined && typeof spec.persistence.storageClassName !== 'string') problems.push('spec.persistence.storageClassName must be a string');
    }
  }
  if (spec.rabbitmq !== undefined) {
    if (!isPlainObject(spec.rabbitmq)) problems.push('spec.rabbitmq must be an object');
    else for (const [key, v] of Object.entries(spec.rabbitmq)) {
      if (['additionalConfig', 'advancedConfig', 'envConfig', 'erlangInetConfig'].includes(key)) {
        if (typeof v !== 'string') problems.push(`spec.rabbitmq.${key} must be a string`);
      } else if (key === 'additionalPlugins') {
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) problems.push('spec.rabbitmq.additionalPlugins must be a list of strings');
      } else problems.push(`unknown field spec.rabbitmq.${key}`);
    }
  }
  return problems;
}

/** Validators for custom resources without an installed model, by apiVersion/kind. */
const LOCAL_VALIDATORS: Record<string, (obj: K8sObject) => string[]> = {
  'rabbitmq.com/v1beta1/RabbitmqCluster': validateRabbitmqCluster,
};

function schemaProblems(apiVersion: string, kind: string, value: unknown, at: string): string[] {
  // Embedded types (ResourceRequirements, Affinity) have no apiVersion/kind of their own.
  const cls = (require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, ModelClass>)[kind];
  const problems: string[] = [];
  try {
    new cls(value as K8sObject).validate();
  } catch (err) {
    problems.push(`${at}: ${(err as Error).message}`);
  }
  for (const f of unknownFields((d) => cls.prototype.validate.call(d), value as K8sObject)) problems.push(`unknown field ${at}.${f}`);
  return problems;
}

/** Problems of one document on its own: schema, unknown fields, names. Empty when valid. */
export function validateDocument(obj: K8sObject): string[] {
  const problems: string[] = [];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['apiVersion and kind are required'];
  const name = obj.metadata?.name;
  if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
    problems.push(`metadata.name must be a DNS-1123 label (got ${JSON.stringify(name)})`);
  }
  const local = LOCAL_VALIDATORS[`${apiVersion}/${kind}`];
  if (local) return [...problems, ...local(obj)];
  const cls = modelClassFor(apiVersion, kind);
  if (!cls) return [...problems, `no schema known for ${apiVersion} ${kind}`];
  try {
    new cls(obj).validate();
  } catch (err) {
    problems.push((err as Error).message);
  }
  for (const f of unknownFields((d) => cls.prototype.validate.call(d), obj)) problems.push(`unknown field ${f}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Cross-references

const isPlainObject = (v: unknown): v is K8sObject => v !== null && typeof v === 'object' && !Array.isArray(v);

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Secrets the operators create for resources declared in deploy/ (name → keys). */
export function operatorSecrets(docs: ManifestDoc[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { obj } of docs) {
    if (obj.kind === 'RabbitmqCluster') out.set(`${obj.metadata.name}-default-user`, new Set(['username', 'password', 'host', 'port', 'provider', 'type', 'default_user.conf']));
    if (obj.kind === 'Cluster' && obj.apiVersion === 'postgresql.cnpg.io/v1' && !obj.spec?.bootstrap?.initdb?.secret) {
      out.set(`${obj.metadata.name}-app`, new Set(['username', 'password', 'host', 'port', 'dbname', 'uri', 'jdbc-uri', 'pgpass']));
    }
  }
  return out;
}

/** Everything the documents say about each other. Empty when consistent. */
export function crossReferenceProblems(docs: ManifestDoc[]): string[] {
  const problems: string[] = [];
  const of = (kind: string) => docs.filter((d) => d.obj.kind === kind);
  const ns = (d: ManifestDoc) => d.obj.metadata?.namespace;

  // Names unique per kind and namespace; everything namespaced lives in the declared namespace.
  const ids = new Set<string>();
  for (const d of docs) {
    const id = `${d.obj.apiVersion}/${d.obj.kind}/${ns(d) ?? ''}/${d.obj.metadata?.name}`;
    if (ids.has(id)) problems.push(`${where(d)}: declared twice`);
    ids.add(id);
  }
  if (!of('Namespace').some((d) => d.obj.metadata.name === NAMESPACE)) problems.push(`Namespace ${NAMESPACE} is not declared`);
  for (const d of docs) if (d.obj.kind !== 'Namespace' && ns(d) !== NAMESPACE) problems.push(`${where(d)}: metadata.namespace must be ${NAMESPACE}`);

  // What env may refer to: ConfigMaps and Secrets declared here, and the operators' Secrets.
  const configMaps = new Map(of('ConfigMap').map((d) => [d.obj.metadata.name, new Set(Object.keys({ ...d.obj.data, ...d.obj.binaryData }))]));
  const secrets = new Map(of('Secret').map((d) => [d.obj.metadata.name, new Set(Object.keys({ ...d.obj.data, ...d.obj.stringData }))]));
  for (const [name, keys] of operatorSecrets(docs)) if (!secrets.has(name)) secrets.set(name, keys);

  const cnpg = docs.filter((d) => d.obj.kind === 'Cluster' && d.obj.apiVersion === 'postgresql.cnpg.io/v1');
  const rabbits = of('RabbitmqCluster');
  const pgHosts = new Set(cnpg.flatMap((d) => ['rw', 'ro', 'r'].map((s) => `${d.obj.metadata.name}-${s}`)));
  const amqpHosts = new Set(rabbits.map((d) => d.obj.metadata.name));

  const workloads = [...of('Deployment'), ...of('Job')];
  const images = new Set<string>();
  for (const w of workloads) {
    const pod = w.obj.spec?.template?.spec ?? {};
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      images.add(c.image);
      if (!/:[\w][\w.-]*$|@sha256:[0-9a-f]{64}$/.test(c.image ?? '') || /:latest$/.test(c.image)) problems.push(`${where(w)}: container ${c.name} needs a pinned image tag (not :latest)`);
      problems.push(...containerEnvProblems(`${where(w)} container ${c.name}`, c, configMaps, secrets, pgHosts, amqpHosts));
      problems.push(...containerSecurityProblems(`${where(w)} container ${c.name}`, c, pod));
    }
  }
  if (images.size !== 1) problems.push(`every workload must run the one Lotsen image, found: ${[...images].join(', ')}`);

  for (const d of of('Deployment')) problems.push(...deploymentProblems(d, docs));
  const seenServices = new Set(of('Deployment').map((d) => d.obj.metadata?.labels?.['app.kubernetes.io/component']));
  for (const s of Object.keys(SERVICES)) if (!seenServices.has(s)) problems.push(`no Deployment for service ${s}`);

  problems.push(...migrationJobProblems(of('Job')));
  problems.push(...postgresProblems(cnpg, docs));
  problems.push(...rabbitmqProblems(rabbits));

  // Secret templates hold placeholders only: nothing real is ever committed. The labels let
  // `kubectl apply -f config.yaml -l app.kubernetes.io/component=config` skip the templates.
  for (const d of of('ConfigMap')) {
    if (d.obj.metadata.labels?.['app.kubernetes.io/component'] !== 'config') problems.push(`${where(d)}: label app.kubernetes.io/component=config`);
  }
  for (const d of of('Secret')) {
    if (d.obj.metadata.labels?.['app.kubernetes.io/component'] !== 'secret-template') problems.push(`${where(d)}: label app.kubernetes.io/component=secret-template`);
    if (d.obj.data) problems.push(`${where(d)}: use stringData with CHANGE-ME placeholders, not data`);
    for (const [k, v] of Object.entries(d.obj.stringData ?? {})) {
      if (k !== 'username' && !String(v).includes('CHANGE-ME')) problems.push(`${where(d)}: ${k} must be a CHANGE-ME placeholder`);
    }
  }
  return problems;
}

function containerEnvProblems(
  at: string, c: K8sObject, configMaps: Map<string, Set<string>>, secrets: Map<string, Set<string>>,
  pgHosts: Set<string>, amqpHosts: Set<string>,
): string[] {
  const problems: string[] = [];
  const defined = new Set<string>();
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) {
      const keys = configMaps.get(from.configMapRef.name);
      if (!keys) problems.push(`${at}: envFrom ConfigMap ${from.configMapRef.name} is not declared in deploy/`);
      else keys.forEach((k) => defined.add(`${from.prefix ?? ''}${k}`));
    }
    if (from.secretRef) {
      const keys = secrets.get(from.secretRef.name);
      if (!keys) problems.push(`${at}: envFrom Secret ${from.secretRef.name} is not declared in deploy/`);
      else keys.forEach((k) => defined.add(`${from.prefix ?? ''}${k}`));
    }
  }
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    const sk = e.valueFrom?.secretKeyRef;
    if (cm && !configMaps.get(cm.name)?.has(cm.key)) problems.push(`${at}: env ${e.name} refers to ConfigMap ${cm.name} key ${cm.key}, not declared in deploy/`);
    if (sk && !secrets.get(sk.name)?.has(sk.key)) problems.push(`${at}: env ${e.name} refers to Secret ${sk.name} key ${sk.key}, not declared in deploy/`);
    if (typeof e.value === 'string') {
      // Kubernetes expands $(VAR) only for variables defined before; anything else stays literal.
      for (const m of e.value.matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
        if (!defined.has(m[1])) problems.push(`${at}: env ${e.name} uses $(${m[1]}), which is not defined before it`);
      }
      const url = /^(postgres(?:ql)?|amqps?):\/\/[^@/]*@([^:/]+)(?::(\d+))?/.exec(e.value);
      if (url && url[1].startsWith('postgres') && !pgHosts.has(url[2])) problems.push(`${at}: env ${e.name} points at ${url[2]}, not a CloudNativePG service declared in deploy/`);
      if (url && url[1].startsWith('amqp') && !amqpHosts.has(url[2])) problems.push(`${at}: env ${e.name} points at ${url[2]}, not a RabbitmqCluster declared in deploy/`);
    }
    defined.add(e.name);
  }
  return problems;
}

function containerSecurityProblems(at: string, c: K8sObject, pod: K8sObject): string[] {
  const problems: string[] = [];
  const sc = c.securityContext ?? {};
  const runAsNonRoot = sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
  const runAsUser = sc.runAsUser ?? pod.securityContext?.runAsUser;
  if (runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot must be true`);
  // The image has no USER, so runAsNonRoot alone would refuse to start it: a numeric non-root uid.
  if (!(Number.isInteger(runAsUser) && runAsUser > 0)) problems.push(`${at}: runAsUser must be a non-root uid`);
  if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
  if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem must be true`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: capabilities must drop ALL`);
  for (const mountPath of ['/app/.lotsen', '/tmp']) {
    const m = (c.volumeMounts ?? []).find((v: K8sObject) => v.mountPath === mountPath);
    const vol = m && (pod.volumes ?? []).find((v: K8sObject) => v.name === m.name);
    if (!vol?.emptyDir) problems.push(`${at}: ${mountPath} must be an emptyDir (the root filesystem is read-only)`);
  }
  const r = c.resources ?? {};
  for (const res of ['cpu', 'memory']) {
    if (r.requests?.[res] === undefined) problems.push(`${at}: resources.requests.${res} is required`);
    if (r.limits?.[res] === undefined) problems.push(`${at}: resources.limits.${res} is required`);
    else if (quantityValue(r.requests?.[res]) > quantityValue(r.limits[res])) problems.push(`${at}: requests.${res} exceeds limits.${res}`);
  }
  return problems;
}

function portOf(c: K8sObject, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  return (c.ports ?? []).find((p: K8sObject) => p.name === port)?.containerPort;
}

function deploymentProblems(d: ManifestDoc, docs: ManifestDoc[]): string[] {
  const problems: string[] = [];
  const at = where(d);
  const spec = d.obj.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const podLabels = spec.template?.metadata?.labels ?? {};
  const service = d.obj.metadata?.labels?.['app.kubernetes.io/component'];
  const expected = SERVICES[service];
  if (!expected) return [`${at}: label app.kubernetes.io/component must name one of ${Object.keys(SERVICES).join(', ')}`];
  if (!selects(spec.selector?.matchLabels, podLabels)) problems.push(`${at}: spec.selector does not select the pod template's labels`);
  if (!(spec.replicas >= 2)) problems.push(`${at}: at least 2 replicas`);
  if (!(pod.terminationGracePeriodSeconds >= 30)) problems.push(`${at}: terminationGracePeriodSeconds ≥ 30 (the services drain on SIGTERM)`);
  const containers: K8sObject[] = pod.containers ?? [];
  if (containers.length !== 1) return [...problems, `${at}: exactly one container`];
  const c = containers[0];
  if (JSON.stringify(c.command) !== JSON.stringify(['node', `dist/apps/${service}/src/main.js`])) problems.push(`${at}: command must be node dist/apps/${service}/src/main.js`);
  if (portOf(c, 'http') !== expected.port) problems.push(`${at}: container port "http" must be ${expected.port}`);
  const portEnv = (c.env ?? []).find((e: K8sObject) => e.name === `${expected.prefix}_PORT`);
  if (portEnv?.value !== String(expected.port)) problems.push(`${at}: env ${expected.prefix}_PORT must be "${expected.port}"`);
  for (const [probe, p] of [['livenessProbe', '/health/live'], ['readinessProbe', '/health/ready']]) {
    const get = c[probe]?.httpGet;
    if (!get) problems.push(`${at}: ${probe} must be an httpGet probe`);
    else {
      if (get.path !== p) problems.push(`${at}: ${probe} path must be ${p} (got ${get.path})`);
      if (portOf(c, get.port) !== expected.port) problems.push(`${at}: ${probe} must probe port ${expected.port}`);
    }
  }
  const ann = spec.template?.metadata?.annotations ?? {};
  if (ann['prometheus.io/scrape'] !== 'true' || ann['prometheus.io/path'] !== '/metrics' || ann['prometheus.io/port'] !== String(expected.port)) {
    problems.push(`${at}: prometheus.io/scrape "true", /path /metrics and /port "${expected.port}" annotations on the pod template`);
  }
  // Least privilege: the service's own database role, never the owner.
  const dbSecrets = (c.env ?? []).map((e: K8sObject) => e.valueFrom?.secretKeyRef?.name).filter((n: string | undefined) => n?.startsWith('lotsen-db-'));
  if (dbSecrets.length === 0 || dbSecrets.some((n: string) => n !== `lotsen-db-${service}`)) problems.push(`${at}: database credentials must come from lotsen-db-${service} only`);
  if (!(c.env ?? []).some((e: K8sObject) => e.name === `${expected.prefix}_DATABASE_URL`)) problems.push(`${at}: env ${expected.prefix}_DATABASE_URL is required`);
  problems.push(...productionModeProblems(at, c));
  for (const name of SERVICE_SECRETS[service] ?? []) {
    const e = (c.env ?? []).find((x: K8sObject) => x.name === name);
    if (!e?.valueFrom?.secretKeyRef) problems.push(`${at}: env ${name} must come from a Secret (secretKeyRef)`);
  }

  const same = (k: string) => docs.filter((x) => x.obj.kind === k && x.obj.metadata?.namespace === d.obj.metadata?.namespace);
  const svcs = same('Service').filter((s) => selects(s.obj.spec?.selector, podLabels));
  if (svcs.length !== 1) problems.push(`${at}: exactly one Service must select its pods (found ${svcs.length})`);
  for (const s of svcs) {
    const ports: K8sObject[] = s.obj.spec.ports ?? [];
    if (!ports.some((p) => p.port === expected.port && portOf(c, p.targetPort ?? p.port) === expected.port)) problems.push(`${where(s)}: must expose port ${expected.port} onto the container port`);
  }
  const hpas = same('HorizontalPodAutoscaler').filter((h) => h.obj.spec?.scaleTargetRef?.kind === 'Deployment' && h.obj.spec.scaleTargetRef.name === d.obj.metadata.name);
  if (hpas.length !== 1) problems.push(`${at}: exactly one HorizontalPodAutoscaler must target it (found ${hpas.length})`);
  for (const h of hpas) {
    if (h.obj.apiVersion !== 'autoscaling/v2') problems.push(`${where(h)}: autoscaling/v2`);
    if (h.obj.spec.scaleTargetRef.apiVersion !== 'apps/v1') problems.push(`${where(h)}: scaleTargetRef.apiVersion apps/v1`);
    if (!(h.obj.spec.minReplicas >= 2)) problems.push(`${where(h)}: minReplicas ≥ 2`);
    if (!(h.obj.spec.maxReplicas >= h.obj.spec.minReplicas)) problems.push(`${where(h)}: maxReplicas ≥ minReplicas`);
    if (!(h.obj.spec.metrics ?? []).some((m: K8sObject) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization')) {
      problems.push(`${where(h)}: scales on CPU utilization`);
    }
  }
  const pdbs = same('PodDisruptionBudget').filter((p) => selects(p.obj.spec?.selector?.matchLabels, podLabels));
  if (pdbs.length !== 1) problems.push(`${at}: exactly one PodDisruptionBudget must select its pods (found ${pdbs.length})`);
  for (const p of pdbs) {
    if (p.obj.apiVersion !== 'policy/v1') problems.push(`${where(p)}: policy/v1`);
    if (p.obj.spec.minAvailable !== 1) problems.push(`${where(p)}: minAvailable 1`);
  }
  return problems;
}

function migrationJobProblems(jobs: ManifestDoc[]): string[] {
  const job = jobs.find((j) => j.obj.metadata?.name === 'lotsen-migrate');
  if (!job) return ['the migration Job lotsen-migrate is missing'];
  const problems: string[] = [];
  const c = job.obj.spec?.template?.spec?.containers?.[0] ?? {};
  if (JSON.stringify(c.command) !== JSON.stringify(['node', 'dist/scripts/migrate.js'])) problems.push(`${where(job)}: command must be node dist/scripts/migrate.js`);
  const secretNames = (c.env ?? []).map((e: K8sObject) => e.valueFrom?.secretKeyRef?.name).filter(Boolean);
  if (secretNames.length === 0 || secretNames.some((n: string) => n !== 'lotsen-db-owner')) problems.push(`${where(job)}: must connect as the owner (lotsen-db-owner)`);
  if (!(c.env ?? []).some((e: K8sObject) => e.name === 'DATABASE_URL')) problems.push(`${where(job)}: env DATABASE_URL is required`);
  problems.push(...productionModeProblems(where(job), c));
  const ann = job.obj.metadata?.annotations ?? {};
  if (!/pre-upgrade/.test(ann['helm.sh/hook'] ?? '') || ann['argocd.argoproj.io/hook'] !== 'PreSync') problems.push(`${where(job)}: must be a Helm pre-upgrade and Argo CD PreSync hook`);
  return problems;
}

function postgresProblems(clusters: ManifestDoc[], docs: ManifestDoc[]): string[] {
  if (clusters.length !== 1) return [`exactly one CloudNativePG Cluster (found ${clusters.length})`];
  const problems: string[] = [];
  const pg = clusters[0];
  const spec = pg.obj.spec;
  const at = where(pg);
  if (!(spec.instances >= 3)) problems.push(`${at}: a primary and at least two replicas (instances ≥ 3)`);
  const secret = (name: string) => docs.find((d) => d.obj.kind === 'Secret' && d.obj.metadata.name === name);
  const initdb = spec.bootstrap?.initdb ?? {};
  if (initdb.database !== 'lotsen') problems.push(`${at}: bootstrap.initdb.database must be lotsen`);
  const owner = secret(initdb.secret?.name);
  if (!owner || owner.obj.type !== 'kubernetes.io/basic-auth' || owner.obj.stringData?.username !== initdb.owner) {
    problems.push(`${at}: bootstrap.initdb.secret must be a basic-auth Secret in deploy/ for owner ${initdb.owner}`);
  }
  const roles: K8sObject[] = spec.managed?.roles ?? [];
  const maxConnections = Number(spec.postgresql?.parameters?.max_connections ?? 100);
  let budget = 0;
  for (const [service, { prefix }] of Object.entries(SERVICES)) {
    const role = roles.find((r) => r.name === `lotsen_${service}`);
    if (!role) {
      problems.push(`${at}: managed role lotsen_${service} is missing`);
      continue;
    }
    if (role.login !== true || role.ensure === 'absent') problems.push(`${at}: role ${role.name} must be present and able to log in`);
    if (role.superuser || role.createdb || role.createrole || role.bypassrls || role.replication) problems.push(`${at}: role ${role.name} must have no extra privileges`);
    const s = secret(role.passwordSecret?.name);
    if (!s || s.obj.type !== 'kubernetes.io/basic-auth' || s.obj.stringData?.username !== role.name) {
      problems.push(`${at}: role ${role.name} needs a basic-auth passwordSecret in deploy/ with username ${role.name}`);
    }
    // Connections: every instance at the HPA maximum, its pool plus two spare (e.g. a replaced pod's, still closing).
    const hpa = docs.find((d) => d.obj.kind === 'HorizontalPodAutoscaler' && d.obj.spec?.scaleTargetRef?.name === `lotsen-${service}`);
    const config = docs.find((d) => d.obj.kind === 'ConfigMap' && d.obj.metadata.name === 'lotsen-config');
    const pool = Number(config?.obj.data?.[`${prefix}_DB_POOL_SIZE`] ?? config?.obj.data?.DB_POOL_SIZE ?? 10);
    const need = (hpa?.obj.spec?.maxReplicas ?? 0) * (pool + 2);
    budget += need;
    if (role.connectionLimit !== undefined && role.connectionLimit !== -1 && role.connectionLimit < need) {
      problems.push(`${at}: role ${role.name} connectionLimit ${role.connectionLimit} < ${need} needed at the HPA maximum`);
    }
  }
  if (budget + 30 > maxConnections) problems.push(`${at}: max_connections ${maxConnections} is below ${budget} (all services at their HPA maximum) + 30`);
  return problems;
}

function rabbitmqProblems(rabbits: ManifestDoc[]): string[] {
  if (rabbits.length !== 1) return [`exactly one RabbitmqCluster (found ${rabbits.length})`];
  const problems: string[] = [];
  const r = rabbits[0];
  const replicas = r.obj.spec?.replicas;
  if (!(replicas >= 3 && replicas % 2 === 1)) problems.push(`${where(r)}: an odd number ≥ 3 of replicas, so quorum queues keep a majority`);
  if (!r.obj.spec?.persistence?.storage) problems.push(`${where(r)}: persistence.storage is required`);
  if (!/^\s*default_queue_type\s*=\s*quorum\s*$/m.test(r.obj.spec?.rabbitmq?.additionalConfig ?? '')) problems.push(`${where(r)}: default_queue_type = quorum`);
  return problems;
}
