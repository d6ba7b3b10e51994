/**
 * The Kubernetes manifests in deploy/: every YAML document validated against the Kubernetes
 * schemas of the installed `kubernetes-models` packages (CloudNativePG's Cluster from
 * `@kubernetes-models/cloudnative-pg`; RabbitmqCluster by a hand-written check, as no package
 * with that CRD's schema is installed), unknown fields rejected, and the documents checked
 * against each other. Static: no cluster, no network, no database.
 */
import * as path from 'path';
import {
  crossReferenceProblems, loadManifests, ManifestDoc, modelClassFor, parseManifestText, SERVICES, unknownFields,
  validateDocument, validateRabbitmqCluster, where,
} from './manifest-checks';

const { docs, problems: parseProblems } = loadManifests(__dirname);
const clone = (d: ManifestDoc[]): ManifestDoc[] => d.map((x) => ({ ...x, obj: JSON.parse(JSON.stringify(x.obj)) }));
const find = (d: ManifestDoc[], kind: string, name: string) => {
  const doc = d.find((x) => x.obj.kind === kind && x.obj.metadata?.name === name);
  if (!doc) throw new Error(`${kind}/${name} not found`);
  return doc.obj;
};

describe('deploy/ manifests', () => {
  it('parse: every file is valid YAML with no duplicate keys', () => {
    expect(parseProblems).toEqual([]);
    const files = new Set(docs.map((d) => path.basename(d.file)));
    for (const f of ['namespace.yaml', 'config.yaml', 'migrate-job.yaml', 'rabbitmq.yaml', 'postgres.yaml', ...Object.keys(SERVICES).map((s) => `${s}.yaml`)]) {
      expect(files).toContain(f);
    }
  });

  it.each(docs.map((d) => [where(d), d] as const))('%s is valid against its schema', (_name, d) => {
    expect(validateDocument(d.obj)).toEqual([]);
  });

  it('every kind has a schema: a kubernetes-models class, or the local RabbitmqCluster check', () => {
    for (const { obj } of docs) {
      if (obj.kind === 'RabbitmqCluster') continue;
      expect([obj.apiVersion, obj.kind, !!modelClassFor(obj.apiVersion, obj.kind)]).toEqual([obj.apiVersion, obj.kind, true]);
    }
  });

  it('the documents agree with each other (probes, ports, selectors, HPA, PDB, env references, images, roles)', () => {
    expect(crossReferenceProblems(docs)).toEqual([]);
  });
});

describe('the checks catch broken manifests', () => {
  const deployment = () => JSON.parse(JSON.stringify(find(docs, 'Deployment', 'lotsen-intake')));

  it('maps apiVersion + kind onto the package layout', () => {
    expect(modelClassFor('v1', 'Service')?.kind).toBe('Service');
    expect(modelClassFor('apps/v1', 'Deployment')?.apiVersion).toBe('apps/v1');
    expect(modelClassFor('autoscaling/v2', 'HorizontalPodAutoscaler')).toBeDefined();
    expect(modelClassFor('policy/v1', 'PodDisruptionBudget')).toBeDefined();
    expect(modelClassFor('postgresql.cnpg.io/v1', 'Cluster')?.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(modelClassFor('apps/v1', 'Nonexistent')).toBeUndefined();
    expect(modelClassFor('v1', 'ObjectMeta')).toBeUndefined(); // an embedded type, not a resource
    expect(modelClassFor('../../etc', 'Passwd')).toBeUndefined();
  });

  it('rejects schema violations', () => {
    const d = deployment();
    d.spec.replicas = 'two';
    expect(validateDocument(d).join()).toMatch(/replicas must be integer/);
    const e = deployment();
    e.spec.template.spec.containers[0].resources.limits.memory = 'lots';
    expect(validateDocument(e).join()).toMatch(/memory/);
    const f = deployment();
    delete f.spec.selector;
    expect(validateDocument(f).join()).toMatch(/selector/);
    expect(validateDocument({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual(['no schema known for example.com/v1 Widget']);
    expect(validateDocument({ ...deployment(), metadata: { name: 'Not_A_Name' } }).join()).toMatch(/DNS-1123/);
  });

  it('rejects unknown (misspelt) fields, like kubectl --validate=strict', () => {
    const d = deployment();
    const c = d.spec.template.spec.containers[0];
    c.readinessProbes = c.readinessProbe;
    delete c.readinessProbe;
    d.spec.template.metadata.anotations = {};
    expect(validateDocument(d)).toEqual(expect.arrayContaining([
      'unknown field spec.template.spec.containers.0.readinessProbes',
      'unknown field spec.template.metadata.anotations',
    ]));
    // Maps are not fields: labels, annotations, ConfigMap data, resource lists pass.
    expect(unknownFields((x) => modelClassFor('v1', 'ConfigMap')!.prototype.validate.call(x), find(docs, 'ConfigMap', 'lotsen-config'))).toEqual([]);
  });

  it('rejects a broken CloudNativePG Cluster', () => {
    const pg = JSON.parse(JSON.stringify(find(docs, 'Cluster', 'lotsen-db')));
    pg.spec.instances = '3';
    pg.spec.managed.roles[0].passwordSecrets = pg.spec.managed.roles[0].passwordSecret;
    const problems = validateDocument(pg).join('\n');
    expect(problems).toMatch(/instances must be integer/);
    expect(problems).toMatch(/unknown field spec.managed.roles.0.passwordSecrets/);
  });

  it('rejects a broken RabbitmqCluster (hand-written check)', () => {
    const good = find(docs, 'RabbitmqCluster', 'lotsen-rabbitmq');
    expect(validateRabbitmqCluster(good)).toEqual([]);
    const bad = JSON.parse(JSON.stringify(good));
    bad.spec.replicas = 0;
    bad.spec.persistence.storage = 'lots';
    bad.spec.resources.limits.cpu = 'two';
    bad.spec.replica = 3;
    const problems = validateRabbitmqCluster(bad).join('\n');
    expect(problems).toMatch(/replicas must be an integer ≥ 1/);
    expect(problems).toMatch(/persistence.storage must be a quantity/);
    expect(problems).toMatch(/spec.resources: .*cpu/);
    expect(problems).toMatch(/unknown field spec.replica/);
    expect(validateRabbitmqCluster({ ...good, apiVersion: 'rabbitmq.com/v1' }).join()).toMatch(/apiVersion/);
  });

  it('rejects broken cross-references', () => {
    const broken = clone(docs);
    const intake = find(broken, 'Deployment', 'lotsen-intake');
    const c = intake.spec.template.spec.containers[0];
    c.livenessProbe.httpGet.path = '/health';
    c.readinessProbe.httpGet.port = 3002;
    c.env.find((e: { name: string }) => e.name === 'INTAKE_SECRET').valueFrom.secretKeyRef.key = 'INTAKE_SECRT';
    c.env.find((e: { name: string }) => e.name === 'DB_PASSWORD').name = 'DB_PASS';
    delete c.resources.requests;
    c.securityContext.readOnlyRootFilesystem = false;
    find(broken, 'Service', 'lotsen-routing').spec.selector = { 'app.kubernetes.io/name': 'lotsen-router' };
    find(broken, 'HorizontalPodAutoscaler', 'lotsen-notifications').spec.scaleTargetRef.name = 'lotsen-notification';
    find(broken, 'PodDisruptionBudget', 'lotsen-reporting').spec.selector.matchLabels = { app: 'reporting' };
    find(broken, 'Deployment', 'lotsen-reporting').spec.template.spec.containers[0].image = 'lotsen:other';
    find(broken, 'Job', 'lotsen-migrate').spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name = 'lotsen-db-intake';
    find(broken, 'Cluster', 'lotsen-db').spec.managed.roles.pop();
    const problems = crossReferenceProblems(broken).join('\n');
    for (const expected of [
      /lotsen-intake.*livenessProbe path must be \/health\/live/,
      /lotsen-intake.*readinessProbe must probe port 3001/,
      /INTAKE_SECRET refers to Secret lotsen-secrets key INTAKE_SECRT/,
      /INTAKE_DATABASE_URL uses \$\(DB_PASSWORD\), which is not defined before it/,
      /resources.requests.cpu is required/,
      /readOnlyRootFilesystem must be true/,
      /lotsen-routing: exactly one Service must select its pods/,
      /lotsen-notifications: exactly one HorizontalPodAutoscaler/,
      /lotsen-reporting: exactly one PodDisruptionBudget/,
      /the one Lotsen image/,
      /lotsen-migrate: must connect as the owner/,
      /managed role lotsen_reporting is missing/,
    ]) expect(problems).toMatch(expected);
  });

  it('rejects a container outside production mode and a secret given as a literal value', () => {
    const broken = clone(docs);
    const intake = find(broken, 'Deployment', 'lotsen-intake').spec.template.spec.containers[0];
    intake.env = intake.env.filter((e: { name: string }) => e.name !== 'NODE_ENV');
    const notifications = find(broken, 'Deployment', 'lotsen-notifications').spec.template.spec.containers[0];
    notifications.env.find((e: { name: string }) => e.name === 'NODE_ENV').value = 'development';
    const secret = notifications.env.find((e: { name: string }) => e.name === 'NOTIFICATIONS_SECRET');
    delete secret.valueFrom;
    secret.value = 'lotsen-notifications-development-secret';
    const job = find(broken, 'Job', 'lotsen-migrate').spec.template.spec.containers[0];
    job.env = job.env.filter((e: { name: string }) => e.name !== 'NODE_ENV');
    const problems = crossReferenceProblems(broken).join('\n');
    expect(problems).toMatch(/lotsen-intake.*env NODE_ENV must be "production"/);
    expect(problems).toMatch(/lotsen-notifications.*env NODE_ENV must be "production"/);
    expect(problems).toMatch(/lotsen-notifications.*env NOTIFICATIONS_SECRET must come from a Secret/);
    expect(problems).toMatch(/lotsen-migrate.*env NODE_ENV must be "production"/);
  });

  it('rejects a real-looking value in a Secret template', () => {
    const broken = clone(docs);
    const secret = find(broken, 'Secret', 'lotsen-secrets');
    secret.stringData.INTAKE_SECRET = 'a-real-secret-value-123';
    delete secret.metadata.labels['app.kubernetes.io/component'];
    const problems = crossReferenceProblems(broken).join('\n');
    expect(problems).toMatch(/INTAKE_SECRET must be a CHANGE-ME placeholder/);
    expect(problems).toMatch(/lotsen-secrets: label app.kubernetes.io\/component=secret-template/);
  });

  it('rejects invalid YAML and duplicate keys', () => {
    expect(parseManifestText('a: 1\na: 2\n').problems.join()).toMatch(/unique|duplicate/i);
    expect(parseManifestText('a: [1, 2\n').problems.length).toBeGreaterThan(0);
  });
});
