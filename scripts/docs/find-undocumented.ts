/**
 * Lists what a user of the package can reach and read no doc comment for: every export of every
 * public entry, and every property, method and option inside the hand-written ones (classes,
 * interfaces, object types, nested option objects). Spec-derived generated types are checked at
 * the top level only: their members say what the vendor's spec says, no more.
 */
import ts from "typescript";
import { join, relative } from "node:path";

export interface PublicEntry {
  readonly importPath: string;
  readonly source: string;
}

/** `importPath: Name.member (file:line)` for each undocumented thing, in source order. */
export function findUndocumented(
  root: string,
  entries: readonly PublicEntry[],
  /** Generated declarations written by the generator itself, checked member by member. */
  fixedGenerated: ReadonlySet<string>,
): string[] {
  const program = ts.createProgram(
    entries.map((e) => join(root, e.source)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      // Only declarations and their comments are read: no default library, no type checking.
      noLib: true,
    },
  );
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const seen = new Set<ts.Node>();

  const where = (node: ts.Node): string => {
    const file = node.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    return `${relative(root, file.fileName)}:${line}`;
  };
  const isOurs = (node: ts.Node): boolean =>
    !node.getSourceFile().fileName.includes("/node_modules/");

  for (const entry of entries) {
    const file = program.getSourceFile(join(root, entry.source));
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${entry.source}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of symbol.declarations ?? []) {
        if (!isOurs(declaration) || seen.has(declaration)) continue;
        seen.add(declaration);
        const name = `${entry.importPath}: ${exported.name}`;
        if (!hasDoc(declaration)) found.push(`${name} (${where(declaration)})`);
        const generated = relative(root, declaration.getSourceFile().fileName).startsWith(
          "generated/",
        );
        if (generated && !fixedGenerated.has(exported.name)) continue;
        if (ts.isVariableDeclaration(declaration) || ts.isFunctionDeclaration(declaration))
          continue;
        visitMembers(declaration, name, (member, path) => found.push(`${path} (${where(member)})`));
      }
    }
  }
  return found;
}

function visitMembers(
  node: ts.Node,
  path: string,
  report: (member: ts.Node, path: string) => void,
): void {
  node.forEachChild(function visit(child): void {
    // Bodies are implementation, and `T extends { input: infer I }` is a pattern, not surface.
    if (ts.isBlock(child)) return;
    if (ts.isConditionalTypeNode(child)) {
      visit(child.trueType);
      visit(child.falseType);
      return;
    }
    if (isMember(child)) {
      if (isHidden(child)) return;
      const memberPath = `${path}.${memberName(child)}`;
      if (!hasDoc(child)) report(child, memberPath);
      child.forEachChild((grandchild) => {
        if (ts.isBlock(grandchild) || isExpression(grandchild)) return;
        visitMembers(grandchild, memberPath, report);
        if (isMember(grandchild)) visit(grandchild);
      });
      return;
    }
    child.forEachChild(visit);
  });
}

type Member =
  | ts.PropertySignature
  | ts.PropertyDeclaration
  | ts.MethodSignature
  | ts.MethodDeclaration
  | ts.GetAccessorDeclaration
  | ts.ParameterDeclaration;

function isMember(node: ts.Node): node is Member {
  if (ts.isParameter(node)) return ts.getModifiers(node)?.some(isVisibilityOrReadonly) ?? false; // a parameter property
  return (
    ts.isPropertySignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node)
  );
}

function isVisibilityOrReadonly(modifier: ts.ModifierLike): boolean {
  return [
    ts.SyntaxKind.PublicKeyword,
    ts.SyntaxKind.ReadonlyKeyword,
    ts.SyntaxKind.ProtectedKeyword,
  ].includes(modifier.kind);
}

function isHidden(member: Member): boolean {
  if (member.name !== undefined && ts.isPrivateIdentifier(member.name)) return true;
  const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined;
  if (
    modifiers?.some(
      (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
    )
  )
    return true;
  return ts.getJSDocTags(member).some((tag) => tag.tagName.text === "internal");
}

function isExpression(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) || ts.isArrowFunction(node) || ts.isObjectLiteralExpression(node)
  );
}

function memberName(member: Member): string {
  return member.name.getText();
}

function hasDoc(node: ts.Node): boolean {
  // A variable's comment sits on its statement: `/** ... */ export const x = ...`.
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return ts
    .getJSDocCommentsAndTags(holder)
    .some((doc) => ts.isJSDoc(doc) && (doc.comment !== undefined || (doc.tags?.length ?? 0) > 0));
}
