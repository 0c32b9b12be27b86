#!/usr/bin/env python3
"""Print the target path of a Windows shortcut (.lnk), for test-dist.sh.

Reads the LinkInfo block of the Shell Link format ([MS-SHLLINK] 2.3): the
Unicode local base path when present, else the ANSI one, which is in the
system's code page (GBK on a zh-CN Windows, so that is tried after UTF-8).
"""
import struct
import sys


def target(data: bytes) -> str:
    if len(data) < 0x4C or struct.unpack_from("<I", data, 0)[0] != 0x4C:
        raise ValueError("not a shell link")
    flags = struct.unpack_from("<I", data, 0x14)[0]
    pos = 0x4C
    if flags & 0x01:  # HasLinkTargetIDList
        pos += 2 + struct.unpack_from("<H", data, pos)[0]
    if not flags & 0x02:  # HasLinkInfo
        raise ValueError("shortcut without LinkInfo")
    info = pos
    header_size = struct.unpack_from("<I", data, info + 4)[0]
    base_off = struct.unpack_from("<I", data, info + 16)[0]
    suffix_off = struct.unpack_from("<I", data, info + 24)[0]
    if header_size >= 0x24:
        ubase = struct.unpack_from("<I", data, info + 28)[0]
        if ubase:
            raw = data[info + ubase:]
            n = 0
            while raw[n:n + 2] != b"\0\0":
                n += 2
            return raw[:n].decode("utf-16-le")
    raw = data[info + base_off:].split(b"\0", 1)[0]
    suffix = data[info + suffix_off:].split(b"\0", 1)[0] if suffix_off else b""
    raw += suffix
    for enc in ("utf-8", "gb18030", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable path")


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        print(target(f.read()))
