"""No import cycles between the modules of app/ (issue 19: contracts that hold the layers).

grimp (the import graph import-linter is built on) reads every import statement of app/,
including those inside functions and under `if TYPE_CHECKING:`: a late import hides a cycle
from Python's import machinery, not from a reader, so it counts. A package importing its own
modules through `__init__` is no cycle here: grimp records an import only where one is written.

A failure lists each cycle as the chain of imports that closes it, with the line of each, e.g.
    app.ui.hardware -> app.ui.main_window (app/ui/hardware.py:52) -> app.ui.hardware (app/ui/main_window.py:40)
Break it by moving what both sides need into a third module, or by a callback or a signal.
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise

import grimp


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("app", cache_dir=None)


def strongly_connected(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, without recursion (app/ has hundreds of modules): the groups of
    modules that reach each other, of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def shortest_cycle(start: str, group: set[str], edges: dict[str, list[str]]) -> list[str]:
    """The shortest chain of imports from `start` back to itself inside one group."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in edges[node]:
            if child not in group:
                continue
            if child == start:
                chain = [node]
                while chain[-1] != start:
                    chain.append(came_from[chain[-1]])
                return [start, *reversed(chain[:-1]), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return [start]


def describe(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    parts = [cycle[0]]
    for importer, imported in pairwise(cycle):
        details = graph.get_import_details(importer=importer, imported=imported)
        where = ", ".join(f"{importer.replace('.', '/')}.py:{d['line_number']}" for d in details[:2])
        parts.append(f"{imported} ({where})")
    return " -> ".join(parts)


def import_cycles(graph: grimp.ImportGraph) -> list[str]:
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    return [describe(graph, shortest_cycle(group[0], set(group), edges))
            for group in strongly_connected(modules, edges)]


def test_no_module_of_app_imports_itself_back():
    """GIVEN every import written in app/ (at the top, inside functions, for type checking only)
    WHEN the import graph between its modules is built
    THEN no chain of imports leads from a module back to itself."""
    cycles = import_cycles(_graph())
    assert not cycles, "import cycles in app/:\n  " + "\n  ".join(cycles)


def test_the_cycle_finder_finds_and_names_a_cycle():
    """GIVEN a graph with a -> b -> c -> a, a -> d and d -> e (a chain, no cycle)
    WHEN cycles are looked for THEN exactly the one cycle is named, in import order."""
    graph = grimp.ImportGraph()
    for module in ("p.a", "p.b", "p.c", "p.d", "p.e"):
        graph.add_module(module)
    for importer, imported, line in (("p.a", "p.b", 3), ("p.b", "p.c", 4), ("p.c", "p.a", 5),
                                     ("p.a", "p.d", 6), ("p.d", "p.e", 7)):
        graph.add_import(importer=importer, imported=imported, line_number=line, line_contents="import x")
    assert import_cycles(graph) == ["p.a -> p.b (p/a.py:3) -> p.c (p/b.py:4) -> p.a (p/c.py:5)"]
