"""The ctypes binding of libnccert.so.1 (src/api/nccert.h), and where nccheck is.

The library is found, in this order: $NCCERT_LIBRARY; the installed path recorded by
`make install` (_paths.py); the build tree this package sits in (build/libnccert.so.1 next to
python/); the dynamic loader's search path (libnccert.so.1)."""
import ctypes
import os
import shutil

_HERE = os.path.dirname(os.path.abspath(__file__))
_BUILD = os.path.normpath(os.path.join(_HERE, "..", "..", "build"))

try:
    from . import _paths  # written by make install
except ImportError:  # the build tree
    _paths = None


class Array(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("dtype", ctypes.c_char_p), ("ndim", ctypes.c_int),
                ("shape", ctypes.POINTER(ctypes.c_int64)), ("strides", ctypes.POINTER(ctypes.c_int64))]


class Request(ctypes.Structure):
    _fields_ = [("claim", ctypes.c_char_p), ("features", Array), ("labels", Array), ("W", Array), ("b", Array),
                ("balance", ctypes.c_char_p), ("data_path", ctypes.c_char_p), ("write_data", ctypes.c_int),
                ("cert_path", ctypes.c_char_p), ("max_prec", ctypes.c_long)]


class Result(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("verdict", ctypes.c_int), ("message", ctypes.c_char * 512)]


API_VERSION = 1
_lib = None


def _candidates():
    env = os.environ.get("NCCERT_LIBRARY")
    if env:
        return [env]
    out = []
    if _paths is not None:
        out.append(_paths.LIBRARY)
    out.append(os.path.join(_BUILD, "libnccert.so.1"))
    out.append("libnccert.so.1")
    return out


def library():
    """The loaded library (loaded once); OSError naming what was tried if none loads."""
    global _lib
    if _lib is not None:
        return _lib
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path + " (absent)")
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            continue
        lib.nccert_certify_point.argtypes = [ctypes.POINTER(Request), ctypes.POINTER(Result),
                                             ctypes.POINTER(ctypes.c_void_p)]
        lib.nccert_certify_point.restype = ctypes.c_int
        lib.nccert_free.argtypes = [ctypes.c_void_p]
        lib.nccert_free.restype = None
        lib.nccert_version.restype = ctypes.c_char_p
        lib.nccert_api_version.restype = ctypes.c_int
        if lib.nccert_api_version() != API_VERSION:
            tried.append("%s (API version %d, this package needs %d)" % (path, lib.nccert_api_version(), API_VERSION))
            continue
        _lib = lib
        return lib
    raise OSError("nccert: cannot load libnccert.so.1 (build it with make; or set NCCERT_LIBRARY); tried: "
                  + "; ".join(tried))


def nccheck_path():
    """nccheck: $NCCERT_NCCHECK, the installed one, the build tree's, or the one in PATH."""
    env = os.environ.get("NCCERT_NCCHECK")
    cands = [env] if env else []
    if not env:
        if _paths is not None:
            cands.append(_paths.NCCHECK)
        cands.append(os.path.join(_BUILD, "nccheck"))
    for c in cands:
        if c and os.access(c, os.X_OK):
            return c
    found = None if env else shutil.which("nccheck")
    if found:
        return found
    raise FileNotFoundError("nccert: nccheck not found (tried %s and PATH; set NCCERT_NCCHECK)" % ", ".join(cands))
