# atelier's reader of a reference solution (for `atelier new exercise ID --from-lesson`): parses it
# (never runs it) and prints, as JSON, its top-level functions, the calls it makes to them with
# literal arguments, and a starter (every function body replaced by a TODO and `pass`).
import ast, json, sys

path, todo_template = sys.argv[1], sys.argv[2]
source = open(path, encoding="utf-8").read()
tree = ast.parse(source)
lines = source.splitlines(keepends=True)

functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
names = {f.name for f in functions}

# Names bound once to a literal (module level, or anywhere in the main block): `N = 10`.
bound, counts = {}, {}
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        name = node.targets[0].id
        counts[name] = counts.get(name, 0) + 1
        try:
            ast.literal_eval(node.value)
            bound[name] = ast.get_source_segment(source, node.value)
        except Exception:
            pass
    elif isinstance(node, (ast.AugAssign, ast.For, ast.With)):
        for sub in ast.walk(node.target if hasattr(node, "target") else node):
            if isinstance(sub, ast.Name):
                counts[sub.id] = counts.get(sub.id, 0) + 2
constants = {k: v for k, v in bound.items() if counts.get(k) == 1}


def literal(node):
    """The node's Python source when it is a literal (or a name bound once to one), else None."""
    try:
        ast.literal_eval(node)
        return ast.get_source_segment(source, node)
    except Exception:
        pass
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return None


def as_json(src):
    try:
        value = ast.literal_eval(src)
    except Exception:
        return None
    def plain(v):
        if v is None or type(v) in (bool, int, str):
            return True
        if type(v) is float:
            return v == v and v not in (float("inf"), float("-inf"))
        if type(v) is list:
            return all(plain(x) for x in v)
        if type(v) is dict:
            return all(type(k) is str and plain(x) for k, x in v.items())
        return False
    return {"value": value} if plain(value) else None


calls, seen = [], set()
for node in ast.walk(tree):
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names):
        continue
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        continue
    args = [literal(a) for a in node.args]
    kwargs = {k.arg: literal(k.value) for k in node.keywords}
    if any(a is None for a in args) or any(v is None for v in kwargs.values()):
        continue
    key = (node.func.id, tuple(args), tuple(sorted(kwargs.items())))
    if key in seen:
        continue
    seen.add(key)
    calls.append({
        "function": node.func.id,
        "args": args,
        "args_json": [as_json(a) for a in args],
        "kwargs": kwargs,
        "kwargs_json": {k: as_json(v) for k, v in kwargs.items()},
        "line": node.lineno,
    })

# The starter: each top-level function keeps its `def` line(s) and docstring; its body becomes a
# TODO and `pass`.
replace = {}
described = []
for f in functions:
    body = f.body
    keep = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
            and isinstance(body[0].value.value, str):
        keep = 1
    first = body[keep] if len(body) > keep else None
    signature = "(" + ast.unparse(f.args) + ")"
    described.append({"name": f.name, "signature": signature, "line": f.lineno})
    if first is None:
        continue
    start = first.lineno - 1
    if keep == 0 and start == f.lineno - 1:
        # `def f(): return 1` on one line: nothing to keep but the header, rewritten.
        continue
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    todo = todo_template.replace("{name}", f.name).replace("{signature}", signature)
    replace[start] = (f.end_lineno, indent + "# " + todo + "\n" + indent + "pass\n")

starter, i = [], 0
while i < len(lines):
    if i in replace:
        end, text = replace[i]
        starter.append(text)
        i = end
    else:
        starter.append(lines[i])
        i += 1

main_guard = any(
    isinstance(n, ast.If) and "__name__" in ast.unparse(n.test) and "__main__" in ast.unparse(n.test)
    for n in tree.body
)
imports = sorted({a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
                 | {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module})
print(json.dumps({
    "functions": described,
    "calls": calls,
    "starter": "".join(starter),
    "main_guard": main_guard,
    "imports": imports,
}))
