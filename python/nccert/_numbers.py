"""Exact numbers of nccert certificates as fractions.Fraction: hex floats ("0x1.8p-2", the
enclosure endpoints, any number of hex digits), p/q rationals and decimals. Never through float."""
from fractions import Fraction
import re

_HEX = re.compile(r"^([+-]?)0x([0-9a-fA-F]+)(?:\.([0-9a-fA-F]*))?p([+-]?[0-9]+)$")
_RAT = re.compile(r"^[+-]?[0-9]+(/[0-9]+)?$")
_DEC = re.compile(r"^[+-]?[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?$")


def exact(text):
    """The exact value of a hex float, p/q or decimal string; ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not an exact number: %r" % (text,))
    m = _HEX.match(text)
    if m:
        sign, ip, fp, e = m.group(1), m.group(2), m.group(3) or "", int(m.group(4))
        v = Fraction(int(ip + fp, 16), 16 ** len(fp)) * Fraction(2) ** e
        return -v if sign == "-" else v
    if _RAT.match(text) or _DEC.match(text):
        return Fraction(text)
    raise ValueError("not an exact number: %r" % (text,))
