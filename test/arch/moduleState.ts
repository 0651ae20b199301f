// Module-level mutable state in a source file: what would let a rule remember one lint in the next.
import ts from 'typescript';

/** Constructors whose instances are containers a module could fill between calls. */
const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Generations', 'ReadingMemos', 'StepCache', 'ChunkCache']);
/** Methods that change the container they are called on. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'commit']);

/** `expr` without parentheses, `as`, `satisfies` and non-null assertions around it. */
function bare(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
  return expr;
}

/** The identifier an access chain starts from (`memo` of `memo.entries[k].x`), if any. */
function root(expr: ts.Expression): ts.Identifier | undefined {
  expr = bare(expr);
  while (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) expr = bare(expr.expression);
  return ts.isIdentifier(expr) ? expr : undefined;
}

/**
 * Each place a module keeps mutable state at its top level, as "line: what": a `let` or `var`, a container built at
 * load (`new Map()`), a global or sticky regular expression (its `lastIndex`), and a top-level binding that a function
 * assigns to or fills.
 */
export function moduleState(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (node: ts.Node, what: string) => out.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const topLevel = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const constant = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const name = d.name.text;
      topLevel.add(name);
      if (!constant) at(d, `module-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'} ${name}`);
      const init = d.initializer && bare(d.initializer);
      if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && CONTAINERS.has(init.expression.text)) at(d, `${name} is a new ${init.expression.text} kept by the module`);
      if (init && ts.isRegularExpressionLiteral(init) && /\/[a-z]*[gy][a-z]*$/.test(init.text)) at(d, `${name} is a global or sticky regular expression (its lastIndex is state)`);
    }
  }
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const nowInFunction = inFunction || ts.isFunctionLike(node);
    if (nowInFunction) {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        const r = root(node.left);
        if (r && topLevel.has(r.text)) at(node, `a function assigns to module-level ${r.text}`);
      }
      if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
        const r = root(node.operand);
        if (r && topLevel.has(r.text)) at(node, `a function counts in module-level ${r.text}`);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
        const r = root(node.expression.expression);
        if (r && topLevel.has(r.text)) at(node, `a function changes module-level ${r.text} (.${node.expression.name.text})`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, nowInFunction));
  };
  visit(file, false);
  return out;
}
