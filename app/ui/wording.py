"""Every sentence the station can tell a packer, read from the source: the catalogue of Feedback templates.

The domain words an outcome as an English template with {name} fields and its values
(`_say(tone, code, "Order {order} packed. Scan the next order.", ..., order=...)`); the screen
translates the template through Qt ("Feedback" context) and fills the values in. lupdate cannot
list those templates: they are arguments of the domain's own helpers, sometimes kept in a table
(`_HELD[reason]`), chosen by a condition or put together from two parts ("Box {box} closed. " +
prompt). This module finds every call that tells the packer something (`_say`, `_reject`,
`Feedback.say`, `Feedback(...)`) in the application's source and works out, with a small
constant folder over the syntax tree, every template it can say. A template it cannot work out (an
f-string, a sentence computed at run time) is reported, so a new message without wording fails
the test that walks this catalogue (tests/gui/test_words.py); hand-written because no library
extracts strings through helper calls, tables and concatenations.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[1]
# (function name, index of the template argument); `Feedback.say(tone, code, template)` too.
_TELLERS = {"_say": 2, "_reject": 1}
_MAX_DEPTH = 8
_OPAQUE = ("<not a string>",)  # a value that is no template (a dict of values, a number)


@dataclass
class Said:
    """One place in the source that tells the packer something."""

    path: str
    line: int
    code: str | None  # the outcome's code when it is a literal
    templates: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)  # what could not be worked out, in source form
    by_reason: bool = False  # Feedback(tone, reason, message): a scan rejection, worded by its reason


class _Unresolved(Exception):
    pass


class _Folder:
    """Works out the strings an expression can be, within one module."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        self.module_names: dict[str, list[ast.expr]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, []).append(node)
        for node in tree.body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.module_names.setdefault(target.id, []).append(node.value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.module_names.setdefault(node.target.id, []).append(node.value)

    # -- values: a set of "shapes" (str, or tuple of shapes for tuples)

    def strings(self, node: ast.expr, scope: ast.AST | None, depth: int = 0) -> set[str]:
        found = set()
        for value in self.values(node, scope, depth):
            if not isinstance(value, str):
                raise _Unresolved(ast.unparse(node))
            found.add(value)
        return found

    def values(self, node: ast.expr, scope: ast.AST | None, depth: int = 0) -> set:
        if depth > _MAX_DEPTH:
            raise _Unresolved(ast.unparse(node))
        depth += 1
        match node:
            case ast.Constant(value=str() as text):
                return {text}
            case ast.Constant(value=None):
                return set()
            case ast.BinOp(left=left, op=ast.Add(), right=right):
                return {a + b for a in self.strings(left, scope, depth) for b in self.strings(right, scope, depth)}
            case ast.IfExp(body=body, orelse=orelse):
                return self.values(body, scope, depth) | self.values(orelse, scope, depth)
            case ast.Tuple(elts=elts):
                parts = [sorted(self._maybe(e, scope, depth), key=repr) or [None] for e in elts]
                return {tuple(p[0] if len(p) == 1 else frozenset(p) for p in parts)}
            case ast.Dict(values=values):
                return set().union(*(self.values(v, scope, depth) for v in values))
            case ast.Name(id=name):
                return self._name(name, scope, depth)
            case ast.Subscript(value=container):
                return self.values(container, scope, depth)  # any entry of the table
            case ast.Call(func=ast.Attribute(attr="get", value=container), args=[_, default]):
                return self.values(container, scope, depth) | self.values(default, scope, depth)
            case ast.Call(func=ast.Attribute(attr="get", value=container)):
                return self.values(container, scope, depth)
            case ast.Call(func=ast.Attribute(value=ast.Name(id="self"), attr=name)) | ast.Call(
                    func=ast.Name(id=name)) if name in self.functions:
                return self._returns(name, depth)
        raise _Unresolved(ast.unparse(node))

    def _maybe(self, node: ast.expr, scope: ast.AST | None, depth: int) -> set:
        """A tuple's element: opaque (never a template) when it cannot be worked out."""
        try:
            return self.values(node, scope, depth)
        except _Unresolved:
            return {_OPAQUE}

    def _returns(self, name: str, depth: int) -> set:
        found: set = set()
        for function in self.functions[name]:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    found |= self.values(node.value, function, depth)
        return found

    def _name(self, name: str, scope: ast.AST | None, depth: int) -> set:
        found: set = set()
        for value, index in self._assignments(name, scope):
            shapes = self.values(value, scope, depth)
            for shape in shapes:
                if index is None:
                    found.add(shape)
                elif isinstance(shape, tuple) and index < len(shape):
                    part = shape[index]
                    found |= set(part) if isinstance(part, frozenset) else {part}
                else:
                    raise _Unresolved(name)
        if not found:
            raise _Unresolved(name)
        return {f for f in found if f is not None}

    def _assignments(self, name: str, scope: ast.AST | None) -> Iterator[tuple[ast.expr, int | None]]:
        seen = False
        if scope is not None:
            for node in ast.walk(scope):
                targets: list[ast.expr]
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, ast.AnnAssign) and node.value is not None:
                    targets, value = [node.target], node.value
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        seen = True
                        yield value, None
                    elif isinstance(target, ast.Tuple):
                        for i, element in enumerate(target.elts):
                            if isinstance(element, ast.Name) and element.id == name:
                                seen = True
                                if isinstance(value, ast.Tuple):
                                    yield value.elts[i], None
                                else:
                                    yield value, i
        if not seen:
            for value in self.module_names.get(name, []):
                yield value, None


def _template_argument(call: ast.Call) -> tuple[ast.expr | None, ast.expr | None, bool]:
    """(code argument, template argument, is a teller) of a call."""
    func = call.func
    keywords = {k.arg: k.value for k in call.keywords}
    if isinstance(func, ast.Name) and func.id in _TELLERS:
        index = _TELLERS[func.id]
        code = call.args[index - 1] if len(call.args) >= index else None
        return code, call.args[index] if len(call.args) > index else keywords.get("template"), True
    if isinstance(func, ast.Attribute) and func.attr == "say" and isinstance(func.value, ast.Name) \
            and func.value.id == "Feedback":
        return (call.args[1] if len(call.args) > 1 else None), (call.args[2] if len(call.args) > 2 else None), True
    if isinstance(func, ast.Name) and func.id == "Feedback":
        template = call.args[3] if len(call.args) > 3 else keywords.get("template")
        return (call.args[1] if len(call.args) > 1 else None), template, True
    return None, None, False


def said_in(path: Path, root: Path = APP_DIR.parent) -> list[Said]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    folder = _Folder(tree)
    parents: dict[ast.AST, ast.AST] = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        code_node, template_node, teller = _template_argument(node)
        if not teller:
            continue
        scope: ast.AST = node
        while scope in parents and not isinstance(scope, ast.FunctionDef):
            scope = parents[scope]
        code = code_node.value if isinstance(code_node, ast.Constant) and isinstance(code_node.value, str) else None
        said = Said(str(path.relative_to(root)), node.lineno, code)
        if _inside_teller_definition(node, parents):
            continue  # `_reject` itself calls Feedback.say with its own parameter
        if template_node is None and code is None:
            said.by_reason = True  # a scan refused by the scanner layer: worded by its reason (messages.py)
        elif template_node is None:
            said.unresolved.append("no template: " + ast.unparse(node)[:80])
        else:
            try:
                said.templates = folder.strings(template_node, scope if scope is not node else None)
            except _Unresolved as exc:
                said.unresolved.append(str(exc))
        found.append(said)
    return found


def _inside_teller_definition(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    scope = parents.get(node)
    while scope is not None and not isinstance(scope, ast.FunctionDef):
        scope = parents.get(scope)
    return isinstance(scope, ast.FunctionDef) and scope.name in _TELLERS


def everything_said(folder: Path = APP_DIR) -> list[Said]:
    """Every place in the application that tells the packer something (app/ui excluded: it words)."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if "ui" in path.relative_to(folder).parts[:1]:
            continue
        text = path.read_text(encoding="utf-8")
        if "Feedback" not in text and "_say(" not in text:
            continue
        found.extend(said_in(path))
    return found


def feedback_templates() -> list[str]:
    """Every template the domain and the services can say, in a stable order (for the catalogue)."""
    templates: dict[str, None] = {}
    for said in everything_said():
        for template in sorted(said.templates):
            templates.setdefault(template, None)
    return list(templates)
