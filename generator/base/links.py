"""Which links the public cannot open: one rule for every link an officer types (evidence,
site_config.yml, measures), used by the loaders and the checks alike."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from generator.base.say import Say

# --- links --------------------------------------------------------------------------------

LOGIN_PATTERNS: list[tuple[re.Pattern[str], re.Pattern[str], str | Say]] = [
    (re.compile(r"^drive\.google\.com$"), re.compile(r"^/drive/(u/\d+/)?(my-drive|folders/|"
                                                     r"shared-with-me|recent)"), "Google Drive"),
    (re.compile(r"^mail\.google\.com$"), re.compile(r""), "Gmail"),
    (re.compile(r"(^|\.)-?my\.sharepoint\.com$|-my\.sharepoint\.com$"), re.compile(r""),
     "OneDrive"),
    (re.compile(r"^(outlook\.office\.com|outlook\.live\.com)$"), re.compile(r""), "Outlook"),
    (re.compile(r"(^|\.)facebook\.com$"), re.compile(r"^/groups/"),
     Say("กลุ่ม Facebook", "Facebook group")),
    (re.compile(r".*"), re.compile(r"/(wp-admin|wp-login\.php|admin|login|signin)(/|$)",
                                   re.I), Say("หน้าผู้ดูแลระบบ", "administration")),
]
LOCAL_SUFFIXES = (".local", ".lan", ".internal", ".intranet", ".home", ".corp", ".localdomain")


# the first segment of a relative link that names a page or document, not a host
_PAGE_EXT = re.compile(r"\.(php\d?|aspx?|jsp|s?html?|pdf|docx?|xlsx?|pptx?|odt|ods|jpe?g|png|"
                       r"gif|webp|zip|rar|7z|txt|csv)$", re.I)


def relative_path(url: str) -> bool:
    """A link written as a path on a web site, without the site: `/wp-content/uploads/x.pdf`,
    `index.php?option=…`, `//host/x` (no scheme). Councils copy these from their own pages'
    HTML; they open only against the council's website (`council.website`)."""
    u = url.strip()
    if not u or re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", u) or "\\" in u:
        return False
    if u.startswith(("/", "./", "../", "?")):
        return True
    first = re.split(r"[/?#]", u, maxsplit=1)[0]
    if "." not in first:
        return "/" in u or "?" in u  # wp-content/uploads/…; a lone word is no link at all
    return bool(_PAGE_EXT.search(first))  # index.php?…, news.html (www.x.go.th/… is a host)


def url_problem(url: str) -> tuple[str, dict[str, str | Say]] | None:

    """Why a link cannot be published or opened by the public: (code, params) or None."""
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        return "url-malformed", {"why": Say("มีการเว้นวรรคหรือขึ้นบรรทัดใหม่อยู่ในลิงก์",
                                            "it contains spaces or line breaks")}
    if re.match(r"[A-Za-z]:[\\/]|\\\\", url):
        return "url-local", {"why": Say("ไฟล์ในเครื่องคอมพิวเตอร์หรือไดรฟ์ที่แชร์ภายในสำนักงาน",
                                        "a file on someone's computer or a shared drive")}
    try:
        parts = urlsplit(url)
    except ValueError:
        return "url-malformed", {"why": Say("แยกเป็นที่อยู่เว็บไม่ได้",
                                            "it cannot be split into a web address")}
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "url-local", {"why": Say("ไฟล์ในเครื่องคอมพิวเตอร์ (`file://`)",
                                        "a file on someone's computer (file://)")}
    if scheme not in ("http", "https"):
        if not scheme and relative_path(url):
            return "url-malformed", {"why": Say(
                "เป็นที่อยู่หน้าเว็บที่ไม่มีชื่อเว็บไซต์ ให้ระบุ `website:` ใต้ `council:` ใน "
                "site_config.yml เพื่ออ่านลิงก์นี้บนเว็บไซต์ของหน่วยงาน หรือเขียนที่อยู่เต็ม",
                "it is a path on a web site without the site's address; set `website:` under "
                "`council:` in site_config.yml to read it on the council's website, or write "
                "the full address")}
        if not scheme:
            return "url-malformed", {"why": Say("ไม่ได้ขึ้นต้นด้วย https://",
                                                "it does not start with https://")}
        return "url-scheme", {"scheme": scheme}
    try:
        host = (parts.hostname or "").lower().rstrip(".")
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return "url-malformed", {"why": Say("หมายเลขพอร์ตไม่ถูกต้อง",
                                            "its port number is not valid")}
    if not host or not re.fullmatch(r"[a-z0-9\-._\[\]:ก-๙]+", host):
        return "url-malformed", {"why": Say("ไม่มีชื่อเว็บไซต์ที่ถูกต้องต่อจาก https://",
                                            "it has no valid host name after https://")}
    ip = _ip_of(host)
    if ip is not None:
        if ip.is_loopback:
            return "url-local", {"why": Say("เครื่องคอมพิวเตอร์เครื่องนี้เอง",
                                            "this computer (loopback address)")}
        if not ip.is_global or ip.is_multicast:
            return "url-local", {"why": Say("ที่อยู่ในเครือข่ายภายใน",
                                            "an internal network address")}
    else:
        if host == "localhost" or host.endswith(".localhost"):
            return "url-local", {"why": Say("เครื่องคอมพิวเตอร์เครื่องนี้เอง (`localhost`)",
                                            "this computer (localhost)")}
        if "." not in host:
            return "url-local", {"why": Say("ชื่อเครื่องในเครือข่ายภายใน",
                                            "an intranet host name")}
        if host.endswith(LOCAL_SUFFIXES):
            return "url-local", {"why": Say("ชื่อในเครือข่ายภายใน",
                                            "an internal network name")}
    for host_re, path_re, service in LOGIN_PATTERNS:
        if host_re.search(host) and path_re.search(parts.path or "/"):
            return "url-login", {"service": service}
    return None


def _ip_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host name spells, including the short and numeric IPv4 forms that
    browsers accept (`127.1`, `2130706433`, `0x7f.1`)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if re.fullmatch(r"(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None
