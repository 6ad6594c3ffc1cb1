// Which names in a route are synchronous SQLAlchemy (or SQLModel) sessions: a parameter annotated
// `Session` (also through `Annotated[Session, ...]` or an alias of it), a parameter whose default is
// `Depends(f)` where `f` yields or returns a sync session, or a local bound to `SessionLocal()`,
// `Session(engine)` or `with ... as db`. AsyncSession and async_sessionmaker are never matched.
import type { Node } from 'web-tree-sitter';
import {
  type ImportedNames,
  keywordArgument,
  nameBindings,
  positionalArguments,
  qualifiedName,
  scopeNodes,
  stringValue,
} from './pythonSyntax';

const sessionClasses = new Set([
  'sqlalchemy.orm.Session',
  'sqlalchemy.orm.session.Session',
  'sqlmodel.Session',
  'sqlmodel.orm.session.Session',
]);
const sessionFactories = new Set(['sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.session.sessionmaker']);
const scopedSessions = new Set(['sqlalchemy.orm.scoped_session', 'sqlalchemy.orm.scoping.scoped_session']);
const dependsNames = new Set(['fastapi.Depends', 'fastapi.params.Depends']);

function parameterName(parameter: Node): Node | null {
  if (parameter.type === 'identifier') {
    return parameter;
  }
  return (
    parameter.childForFieldName('name') ??
    (parameter.type === 'typed_parameter' ? parameter.namedChild(0) : null)
  );
}

export class SyncSessions {
  private readonly moduleFunctions = new Map<string, Node>();
  /** Dependency function name -> whether it gives a sync session (asked once per route). */
  private readonly dependencies = new Map<string, boolean>();

  constructor(
    private readonly imports: ImportedNames,
    private readonly module: ReadonlyMap<string, Node>,
    root: Node,
  ) {
    for (const statement of root.namedChildren) {
      const definition =
        statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (definition?.type === 'function_definition') {
        this.moduleFunctions.set(definition.childForFieldName('name')?.text ?? '', definition);
      }
    }
  }

  /** The names of a route function that hold a sync session. */
  sessionNames(definition: Node, scope: readonly Node[]): Set<string> {
    const names = new Set<string>();
    for (const [name, value] of this.module) {
      if (this.isScopedSession(value)) {
        names.add(name);
      }
    }
    for (const parameter of definition.childForFieldName('parameters')?.namedChildren ?? []) {
      const name = parameterName(parameter);
      if (name?.type === 'identifier') {
        if (this.isSessionParameter(parameter)) {
          names.add(name.text);
        } else {
          names.delete(name.text);
        }
      }
    }
    for (const [name, value] of nameBindings(scope)) {
      if (this.isSessionValue(value, new Map())) {
        names.add(name);
      } else {
        names.delete(name);
      }
    }
    return names;
  }

  private isSessionParameter(parameter: Node): boolean {
    const annotation = parameter.childForFieldName('type')?.namedChild(0);
    if (annotation !== undefined && annotation !== null) {
      return this.isSessionType(annotation, 0);
    }
    const value = parameter.childForFieldName('value');
    if (
      value?.type !== 'call' ||
      !dependsNames.has(qualifiedName(value.childForFieldName('function'), this.imports) ?? '')
    ) {
      return false;
    }
    const dependency = positionalArguments(value)[0];
    return dependency?.type === 'identifier' && this.isSessionDependency(dependency.text);
  }

  private isSessionType(annotation: Node, depth: number): boolean {
    if (depth > 4) {
      return false;
    }
    const quoted = stringValue(annotation);
    if (quoted !== undefined) {
      return /^\w+$/.test(quoted) && sessionClasses.has(this.imports.get(quoted) ?? '');
    }
    if (annotation.type === 'subscript') {
      const generic = qualifiedName(annotation.childForFieldName('value'), this.imports);
      const first = annotation.childForFieldName('subscript');
      return (generic === 'typing.Annotated' || generic === 'typing_extensions.Annotated') && first !== null
        ? this.isSessionType(first, depth + 1)
        : false;
    }
    if (sessionClasses.has(qualifiedName(annotation, this.imports) ?? '')) {
      return true;
    }
    // `SessionDep = Annotated[Session, Depends(get_session)]`
    const alias = annotation.type === 'identifier' ? this.module.get(annotation.text) : undefined;
    return alias?.type === 'subscript' && this.isSessionType(alias, depth + 1);
  }

  /** A module-level function that yields or returns a sync session (a FastAPI dependency). */
  private isSessionDependency(name: string): boolean {
    let known = this.dependencies.get(name);
    if (known === undefined) {
      known = this.yieldsSession(name);
      this.dependencies.set(name, known);
    }
    return known;
  }

  private yieldsSession(name: string): boolean {
    const definition = this.moduleFunctions.get(name);
    const body = definition?.childForFieldName('body');
    if (body === null || body === undefined) {
      return false;
    }
    const scope = scopeNodes(body);
    const local = nameBindings(scope);
    return scope.some((node) => {
      const given = node.type === 'yield' || node.type === 'return_statement' ? node.namedChild(0) : null;
      return given !== null && this.isSessionValue(given, local);
    });
  }

  /** `SessionLocal()`, `Session(engine)`, a scoped_session, or a local bound to one. */
  private isSessionValue(value: Node, local: ReadonlyMap<string, Node>, depth = 0): boolean {
    if (depth > 6) {
      return false;
    }
    if (value.type === 'identifier') {
      const bound = local.get(value.text) ?? this.module.get(value.text);
      return (
        bound !== undefined &&
        (this.isScopedSession(bound) ||
          (local.has(value.text) && this.isSessionValue(bound, local, depth + 1)))
      );
    }
    if (value.type !== 'call') {
      return false;
    }
    const callee = value.childForFieldName('function');
    if (sessionClasses.has(qualifiedName(callee, this.imports) ?? '')) {
      return true;
    }
    const factory = callee?.type === 'identifier' ? this.module.get(callee.text) : undefined;
    return factory !== undefined && (this.isSyncFactory(factory) || this.isScopedSession(factory));
  }

  private isSyncFactory(value: Node): boolean {
    if (
      value.type !== 'call' ||
      !sessionFactories.has(qualifiedName(value.childForFieldName('function'), this.imports) ?? '')
    ) {
      return false;
    }
    const sessionClass = keywordArgument(value, 'class_');
    return sessionClass === undefined || sessionClasses.has(qualifiedName(sessionClass, this.imports) ?? '');
  }

  private isScopedSession(value: Node): boolean {
    if (
      value.type !== 'call' ||
      !scopedSessions.has(qualifiedName(value.childForFieldName('function'), this.imports) ?? '')
    ) {
      return false;
    }
    const factory = positionalArguments(value)[0];
    if (factory === null || factory === undefined) {
      return false;
    }
    const bound = factory.type === 'identifier' ? this.module.get(factory.text) : factory;
    return bound !== undefined && this.isSyncFactory(bound);
  }
}
