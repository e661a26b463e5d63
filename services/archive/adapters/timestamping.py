"""RFC 3161 timestamps from a time-stamping authority over HTTP: the query (openssl ts -query: the digest of the
data, a nonce, the TSA's certificate asked for) goes out as application/timestamp-query, the token comes back in an
application/timestamp-reply that must be granted and answer this very query (its imprint and nonce)."""
import urllib.error
import urllib.request

from asn1crypto import tsp

from services.archive.adapters import openssl_cli

TIMEOUT_SECONDS = 10.0
GRANTED = ("granted", "granted_with_mods")


class TimeStampError(RuntimeError):
    """The TSA's answer is no timestamp for the query."""


class TimeStampUnavailable(TimeStampError):
    """The TSA cannot be reached or did not answer in time."""


class TimeStamper:
    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self.url, self.timeout = url, timeout

    def stamp(self, data: bytes, digest: str = "sha256") -> bytes:
        """The DER TimeStampToken over the data's digest (openssl's name of the algorithm: sha256, md_gost12_256)."""
        query = openssl_cli.run("ts", "-query", f"-{digest}", "-cert", stdin=data)
        request = urllib.request.Request(self.url, data=query, method="POST",
                                         headers={"Content-Type": "application/timestamp-query"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                reply, content_type = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            failed = TimeStampUnavailable if error.code >= 500 else TimeStampError
            raise failed(f"the time-stamping authority {self.url} answered HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise TimeStampUnavailable(f"the time-stamping authority {self.url} is unavailable: {error}") from error
        if content_type != "application/timestamp-reply":
            raise TimeStampError(f"the time-stamping authority {self.url} answered {content_type}, no timestamp reply")
        return token_of(reply, query)


def token_of(reply_der: bytes, query_der: bytes) -> bytes:
    """The reply's token, checked to be granted and to answer the query."""
    try:
        reply = tsp.TimeStampResp.load(reply_der)
        status = reply["status"]["status"].native
        if status not in GRANTED:
            raise TimeStampError(f"the time-stamping authority refused: {status} {reply['status']['status_string'].native}")
        token = reply["time_stamp_token"]
        info = token["content"]["encap_content_info"]["content"].parsed
        query = tsp.TimeStampReq.load(query_der)
        if info["message_imprint"].dump() != query["message_imprint"].dump():
            raise TimeStampError("the timestamp is for other data than asked")
        if info["nonce"].native != query["nonce"].native:
            raise TimeStampError("the timestamp answers another query (its nonce differs)")
    except (ValueError, TypeError, KeyError) as error:
        raise TimeStampError(f"the time-stamping authority's answer is not a timestamp reply: {error}") from error
    return token.dump()
