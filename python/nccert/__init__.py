"""nccert from Python: certify a claim of the neural-collapse papers on a network's arrays in
memory, and re-check the certificate with the independent checker nccheck.

    import nccert
    r = nccert.certify("ulpm.lemma-3.1", features=F, labels=y, W=W, out="net.cert.json")
    r.verdict                      # "PROVED", "REFUTED" or "INCONCLUSIVE"
    r.quantities["bound"].lo       # an exact fractions.Fraction (never a float)
    nccert.check(r.certificate_path).ok   # nccheck re-reads net.cert.data.npz beside it

The arrays (any NumPy float16/32/64 or integer dtype, either byte order, any strides) are taken
exactly as the binary numbers they are: libnccert writes them into the .npz the certificate
references by SHA-256 (C order: the same values give the same certificate whatever the memory
layout) and reads that archive through the code `nccert certify CLAIM --npz FILE` uses, so the
command line gives a byte-identical certificate on the .npz written. Bad input raises BadInput
(a ValueError) with one line; nothing is written then."""
import ctypes
import json
import os
import subprocess
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Dict, Optional

import numpy as np

from . import _lib
from ._numbers import exact

__all__ = ["certify", "metrics", "check", "Result", "Enclosure", "CheckResult", "NccertError", "BadInput", "version", "exact"]

VERDICTS = {1: "PROVED", 2: "REFUTED", 3: "INCONCLUSIVE"}


class NccertError(Exception):
    """nccert failed; .status is the exit code of the command line (2 bad input, 3 internal)."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


class BadInput(NccertError, ValueError):
    """Bad arrays or arguments (status 2): one line saying what and where."""


@dataclass(frozen=True)
class Enclosure:
    """A certified enclosure lo <= value <= hi, exact endpoints; decimal is for people."""
    lo: Fraction
    hi: Fraction
    decimal: str

    def __contains__(self, x):
        return self.lo <= Fraction(x) <= self.hi


@dataclass(frozen=True)
class Result:
    claim: str
    verdict: str                  # PROVED, REFUTED, INCONCLUSIVE
    status: int                   # 0 PROVED, 1 not established (the exit code of nccert certify)
    message: str                  # "PROVED: q_min < bound"
    assertion: str
    quantities: Dict[str, Enclosure]
    witnesses: dict
    certificate: dict             # the certificate, parsed
    certificate_text: str         # its exact bytes (what the file holds)
    certificate_path: Optional[str]
    data_path: Optional[str]      # the .npz it references (None: not written)

    @property
    def proved(self):
        return self.verdict == "PROVED"


@dataclass(frozen=True)
class CheckResult:
    """nccheck's decision: ok (exit 0: accepted), status (its exit code: 0, 1 claim not
    established, 2 malformed, missing or changed data), verdict accepted and message."""
    ok: bool
    status: int
    verdict: Optional[str]
    message: str
    output: str = field(repr=False, default="")

    def __bool__(self):
        return self.ok


def version():
    """The library's version (the producer written in certificates)."""
    return _lib.library().nccert_version().decode()


def _array(arr, keep):
    a = np.asarray(arr)
    keep.append(a)
    shape = (ctypes.c_int64 * max(a.ndim, 1))(*a.shape)
    strides = (ctypes.c_int64 * max(a.ndim, 1))(*a.strides)
    keep += [shape, strides]
    data = a.ctypes.data if a.size else (ctypes.c_void_p(1).value)  # an empty array: a non-NULL pointer
    return _lib.Array(data, a.dtype.str.encode(), a.ndim, shape, strides)


def _default_data_path(out):
    stem = out[:-5] if out.endswith(".json") else out
    return stem + ".data.npz"


def _quantities(cert):
    q = {}
    for name, v in (cert.get("quantities") or {}).items():
        if isinstance(v, dict) and "lo" in v and "hi" in v:
            q[name] = Enclosure(exact(v["lo"]), exact(v["hi"]), v.get("decimal", ""))
    return q


def certify(claim, features, labels, W, b=None, balance=None, out=None, data=None, write_data=None, max_prec=None):
    """Certifies CLAIM (ulpm.lemma-3.1, ulpm.theorem-3.2, ulpm.theorem-3.3, ulpm.eq-66) on the
    point given by FEATURES (N x d, one row per sample, any class order), LABELS (N integers in
    [0, K)), W (K x d) and optionally b (K zeros: the model has no bias).

    balance: None/"none" refuses unbalanced classes; "first" keeps the first n_min samples of each
    class. out: where to write the certificate (None: kept in memory, Result.certificate).
    data: the .npz the certificate references (default OUT without .json plus ".data.npz", or
    "data.npz" when out is None); written when write_data (default: when out or data is given).
    Returns a Result; raises BadInput (status 2) or NccertError (3)."""
    if data is None:
        data = _default_data_path(out) if out is not None else "data.npz"
        if write_data is None:
            write_data = out is not None
    elif write_data is None:
        write_data = True
    keep = []
    req = _lib.Request()
    req.claim = str(claim).encode()
    req.features, req.labels, req.W = _array(features, keep), _array(labels, keep), _array(W, keep)
    if b is not None:
        req.b = _array(b, keep)
    req.balance = None if balance is None else str(balance).encode()
    req.data_path = os.fsencode(data)
    req.write_data = 1 if write_data else 0
    req.cert_path = None if out is None else os.fsencode(out)
    req.max_prec = int(max_prec or 0)
    res = _lib.Result()
    text = ctypes.c_void_p()
    lib = _lib.library()
    status = lib.nccert_certify_point(ctypes.byref(req), ctypes.byref(res), ctypes.byref(text))
    message = res.message.decode("utf-8", "replace")
    if status not in (0, 1):
        raise (BadInput if status == 2 else NccertError)("nccert: " + message, status)
    try:
        cert_text = ctypes.string_at(text.value).decode()
    finally:
        lib.nccert_free(text)
    cert = json.loads(cert_text)
    return Result(claim=cert["claim"], verdict=VERDICTS[res.verdict], status=status, message=message,
                  assertion=cert.get("assertion", ""), quantities=_quantities(cert),
                  witnesses=cert.get("witnesses", {}), certificate=cert, certificate_text=cert_text,
                  certificate_path=out, data_path=data if write_data else None)


def metrics(features, labels, W, b=None, balance=None, out=None, data=None, write_data=None):
    """Certified NC metrics at the point (claim linconv.nc-metrics, specs/claims/linconv.nc-metrics.md):
    a Result whose quantities "nc2" (distance of W W^T to the simplex ETF) and "nc3" (self-duality,
    W against the centred class means) are Enclosures with exact endpoints. NC1 and NC4 are not
    certified yet. Arguments as for certify."""
    return certify("linconv.nc-metrics", features, labels, W, b=b, balance=balance, out=out, data=data,
                   write_data=write_data)


def check(path, data_dir=None, nccheck=None, max_seconds=None):
    """Runs nccheck, the independent checker (a separate program), on the certificate PATH; its
    data files are looked up beside it or in DATA_DIR. Returns a CheckResult (true iff accepted)."""
    cmd = [nccheck or _lib.nccheck_path(), "--json"]
    if data_dir is not None:
        cmd += ["--data-dir", os.fspath(data_dir)]
    if max_seconds is not None:
        cmd += ["--max-seconds", str(max_seconds)]
    cmd += ["--", os.fspath(path)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    try:
        f = json.loads(p.stdout)["files"][0]
    except (ValueError, KeyError, IndexError):
        return CheckResult(False, p.returncode, None, (p.stderr.strip() or p.stdout.strip() or "nccheck failed"),
                           p.stdout)
    return CheckResult(p.returncode == 0 and bool(f.get("valid")), p.returncode, f.get("verdict"),
                       f.get("message", ""), p.stdout)
