# atelier's call harness: imports the student's module without running its __main__ block, calls
# its functions with the spec's arguments and reports each call as data (JSON) on stdout, each line
# prefixed by a nonce the student's code never sees (it comes in a file this script deletes before
# the import). atelier words the messages; this script only observes.
import builtins, copy, inspect, json, math, os, signal, sys, traceback


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _main():
    with open(".atelier-calls.json", encoding="utf-8") as f:
        job = json.load(f)
    os.unlink(".atelier-calls.json")
    nonce = job["nonce"]
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")

    def emit(record):
        # A newline first: the student's last print may not have ended its line.
        out.write("\n" + nonce + json.dumps(record) + "\n")
        out.flush()

    # Everything the spec gives is evaluated before the student's code can change builtins.
    env = {"__builtins__": builtins}
    calls = []
    for call in job["calls"]:
        try:
            args = eval("(" + call["args"] + ",)", env) if call["args"] else ()
            kwargs = eval("dict(" + call["kwargs"] + ")", env) if call["kwargs"] else {}
            expected = eval(call["expected"], env) if call.get("expected") is not None else None
        except Exception as e:  # an instructor's mistake, said as such
            emit({"check": call["check"], "index": call["index"], "status": "bad-spec", "error": repr(e)})
            continue
        calls.append((call, args, kwargs, expected))

    signal.signal(signal.SIGALRM, _alarm)
    sys.path.insert(0, os.getcwd())
    name = job["module"]
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, job["file"])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        signal.setitimer(signal.ITIMER_REAL, job["import_timeout"])
        spec.loader.exec_module(module)
        signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        emit({"import": "timeout", "seconds": job["import_timeout"]})
        return
    except BaseException as e:
        signal.setitimer(signal.ITIMER_REAL, 0)
        emit({"import": "error", **_exception(e, job["file"])})
        return
    emit({"import": "ok"})

    for call, args, kwargs, expected in calls:
        record = {"check": call["check"], "index": call["index"]}
        record.update(_one(module, call, args, kwargs, expected, job["file"]))
        emit(record)


def _exception(e, file):
    line = None
    for frame in traceback.extract_tb(e.__traceback__):
        if os.path.basename(frame.filename) == os.path.basename(file):
            line = frame.lineno
    return {"type": type(e).__name__, "message": str(e)[:500], "line": line}


def _one(module, call, args, kwargs, expected, file):
    fn = getattr(module, call["function"], None)
    if fn is None:
        names = sorted(n for n, v in vars(module).items() if callable(v) and not n.startswith("_")
                       and getattr(v, "__module__", None) == module.__name__)
        return {"status": "missing", "defined": names}
    if not callable(fn):
        return {"status": "not-callable", "type": type(fn).__name__}
    try:
        sig = inspect.signature(fn)
        sig.bind(*args, **kwargs)
    except TypeError as e:
        return {"status": "signature", "signature": call["function"] + str(sig), "error": str(e)}
    except ValueError:
        sig = None  # a builtin without a signature: just call it
    try:
        signal.setitimer(signal.ITIMER_REAL, call["timeout"])
        got = fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        return {"status": "timeout", "seconds": call["timeout"]}
    except BaseException as e:
        signal.setitimer(signal.ITIMER_REAL, 0)
        info = _exception(e, file)
        wanted = call.get("raises")
        if wanted and wanted in [c.__name__ for c in type(e).__mro__]:
            return {"status": "pass", "raised": info}
        return {"status": "raised", **info}
    if call.get("raises"):
        return {"status": "no-raise", "got": _show(got)}
    wanted_type = call.get("type")
    if wanted_type and type(got).__name__ != wanted_type:
        return {"status": "wrong-type", "got": _show(got), "got_type": type(got).__name__}
    if call.get("expected") is not None:
        why = _differs(got, expected, call.get("tolerance") or 0.0)
        if why is not None:
            return {"status": "wrong-value", "got": _show(got), "got_type": type(got).__name__,
                    "expected_type": type(expected).__name__, "why": why}
    return {"status": "pass", "got": _show(got), **_as_data(got)}


def _as_data(value):
    """The value as JSON when JSON keeps it exactly (types included), and whether its repr is a
    Python literal: what `atelier new exercise --from-lesson` needs to write it in a spec."""
    out = {"type_name": type(value).__name__}
    def plain(v):
        if v is None or type(v) in (bool, int, str):
            return True
        if type(v) is float:
            return math.isfinite(v)
        if type(v) is list:
            return all(plain(x) for x in v)
        if type(v) is dict:
            return all(type(k) is str and plain(x) for k, x in v.items())
        return False
    try:
        # Kept short: a big value must not push the records past the run's output cap.
        if plain(value) and len(json.dumps(value)) <= 2000:
            out["json"] = value
        import ast
        text = repr(value)
        if len(text) <= 2000 and _differs(ast.literal_eval(text), value, 0.0) is None:
            out["literal"] = text
    except BaseException:
        pass
    return out


def _show(value):
    try:
        text = repr(value)
    except BaseException:
        text = "<" + type(value).__name__ + ">"
    return text if len(text) <= 300 else text[:300] + "…"


_NUMBERS = (int, float)


def _differs(got, expected, tol):
    """Why `got` is not `expected`, or None. Only built-in types compare equal (exact type checks):
    an object whose __eq__ always says yes does not pass."""
    if type(expected) is bool or type(got) is bool:
        return None if type(got) is type(expected) and got == expected else "value"
    if type(expected) in _NUMBERS:
        if type(got) not in _NUMBERS:
            return "type"
        if type(expected) is float or type(got) is float:
            if math.isnan(expected) and math.isnan(got):
                return None
            return None if math.isclose(got, expected, rel_tol=0.0, abs_tol=tol) or got == expected else "value"
        return None if got == expected else "value"
    if expected is None:
        return None if got is None else "value"
    if type(expected) in (str, bytes):
        return None if type(got) is type(expected) and got == expected else ("type" if type(got) is not type(expected) else "value")
    if type(expected) in (list, tuple):
        if type(got) not in (list, tuple):
            return "type"
        if len(got) != len(expected):
            return "length"
        for g, e in zip(got, expected):
            if _differs(g, e, tol) is not None:
                return "value"
        return None
    if type(expected) in (set, frozenset):
        if type(got) not in (set, frozenset):
            return "type"
        return None if set(got) == set(expected) else "value"
    if type(expected) is dict:
        if type(got) is not dict:
            return "type"
        if set(got.keys()) != set(expected.keys()):
            return "keys"
        for k in expected:
            if _differs(got[k], expected[k], tol) is not None:
                return "value"
        return None
    return None if type(got) is type(expected) and got == expected else "value"


_main()
