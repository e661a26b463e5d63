#!/usr/bin/env bash
# `make image`: the one OCI image of every service and the gateway (the command picks the process: the chart's
# `python -m services.<name>`, `gunicorn ... gateway.wsgi:app`), built from this repository's committed files.
#
# 1. The base, a Debian root file system made with debootstrap from the Debian archive this machine's apt uses, with
#    its security updates and the packages the processes call (Python 3.11, OpenSSL with the GOST engine, the DejaVu
#    fonts of the PDFs, tzdata): built once per machine and package list, kept in the store under the cache.
# 2. Two layers on it (infra/image/Containerfile): the pinned Python dependencies in a virtualenv, then the code of
#    the commit (git archive), byte-compiled, owned by root and run as the user otmetka (10001).
# Tags: otmetka/otmetka:<version> and otmetka/otmetka:<version>-<commit>. Reproducible: the same commit on the same
# base gives the same layers (timestamps 0, sorted archives, hash-based .pyc); `infra/image/build.sh --check` builds
# the commit's layers a second time without the cache and compares.
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/image/podman-env.sh

SUITE=bookworm
BASE_PACKAGES=(python3 python3-venv ca-certificates openssl libengine-gost-openssl fonts-dejavu-core tzdata)
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
COMMIT=$(git rev-parse --short=12 HEAD)
IMAGE=${OTMETKA_IMAGE:-localhost/otmetka/otmetka}

log() { echo "image: $*" >&2; }

# The URI the host's apt takes a suite from (deb822 .sources or one-line lists), so the base comes from the same place.
apt_uri() {
  python3 - "$1" <<'EOF'
import glob, sys
suite = sys.argv[1]
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in open(path).read().split("\n\n"):
        fields = dict(line.split(":", 1) for line in stanza.splitlines() if ":" in line and not line.startswith("#"))
        if suite in fields.get("Suites", "").split() and "deb" in fields.get("Types", "").split():
            print(fields["URIs"].split()[0]); sys.exit()
for path in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]:
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        continue
    for words in (line.split() for line in lines):
        words = [w for w in words if not w.startswith("[")]
        if len(words) >= 3 and words[0] == "deb" and words[2] == suite:
            print(words[1]); sys.exit()
sys.exit(f"no apt source for {suite} on this machine")
EOF
}

# Files that differ from one debootstrap to the next without a package changing: logs, caches, the machine's id,
# the dates of the accounts' last password change.
normalise_rootfs() {
  local root=$1
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/log/* "$root"/tmp/* "$root"/var/tmp/* \
    "$root"/var/cache/ldconfig/aux-cache "$root"/var/lib/dpkg/*-old "$root"/var/cache/debconf/*-old \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
  : >"$root/etc/machine-id"
  printf 'otmetka\n' >"$root/etc/hostname"
  : >"$root/etc/resolv.conf"
  sed -i -E 's/^([^:]*:[^:]*:)[0-9]*:/\1:/' "$root/etc/shadow" "$root/etc/shadow-" 2>/dev/null || true
  find "$root" -name '__pycache__' -type d -prune -exec rm -rf {} +
}

build_base() {
  local key rootfs mirror security
  key=$({ echo "$SUITE"; printf '%s\n' "${BASE_PACKAGES[@]}"; declare -f normalise_rootfs; } | sha256sum | cut -c1-12)
  BASE=localhost/otmetka/base:$SUITE-$key
  if podman image exists "$BASE"; then log "base $BASE (cached)"; return; fi
  mirror=$(apt_uri "$SUITE"); security=$(apt_uri "$SUITE-security")
  rootfs=$CONTAINERS_DIR/base-rootfs
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$rootfs"
  log "debootstrap $SUITE (a few minutes)"
  debootstrap --variant=minbase --components=main --include="$(IFS=,; echo "${BASE_PACKAGES[*]}")" \
    "$SUITE" "$rootfs" "$mirror" >"$CONTAINERS_DIR/debootstrap.log" 2>&1 \
    || { tail -20 "$CONTAINERS_DIR/debootstrap.log"; exit 1; }
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
    "$mirror" "$SUITE" "$mirror" "$SUITE" "$security" "$SUITE" >"$rootfs/etc/apt/sources.list"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
  log "security updates"
  chroot "$rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq' \
    >>"$CONTAINERS_DIR/debootstrap.log" 2>&1 || { tail -20 "$CONTAINERS_DIR/debootstrap.log"; exit 1; }
  chroot "$rootfs" dpkg-query -W -f '${Package} ${Version}\n' >"$CONTAINERS_DIR/base-packages.txt"
  umount "$rootfs/proc"
  trap - EXIT
  normalise_rootfs "$rootfs"
  tar --sort=name --mtime=@0 --clamp-mtime --numeric-owner --xattrs --pax-option=delete=atime,delete=ctime \
    -C "$rootfs" -cf "$CONTAINERS_DIR/base.tar" .
  podman import --change "CMD [\"/bin/sh\"]" "$CONTAINERS_DIR/base.tar" "$BASE" >/dev/null
  rm -rf "$rootfs" "$CONTAINERS_DIR/base.tar"
  log "base $BASE: $(wc -l <"$CONTAINERS_DIR/base-packages.txt") Debian packages"
}

# The build context: the commit's files (not the work tree's), and the runtime dependencies pinned by the lock.
context() {
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir/app"
  git archive HEAD services gateway proto pyproject.toml | tar -x -C "$dir/app"
  python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
    >"$dir/requirements.txt"
  cp requirements.lock "$dir/constraints.txt"
  cp infra/image/Containerfile "$dir/Containerfile"
}

build_app() {  # tag [buildah options...]
  local tag=$1; shift
  local dir=$CONTAINERS_DIR/context
  context "$dir"
  local ca=${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}
  buildah build --quiet --network host --timestamp 0 --layers --build-arg "BASE=$BASE" \
    --volume "$ca:/etc/ssl/certs/ca-certificates.crt:ro" --build-arg PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    --label "org.opencontainers.image.version=$VERSION" --label "org.opencontainers.image.revision=$COMMIT" \
    --label "org.opencontainers.image.source=otmetka" -t "$tag" "$@" "$dir" >/dev/null
}

layers() { podman image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' "$1"; }

containers_install
[[ -z $(git status --porcelain --untracked-files=no -- services gateway proto pyproject.toml requirements.lock) ]] \
  || log "warning: uncommitted changes are not in the image (it is built from the commit $COMMIT)"
build_base
build_app "$IMAGE:$VERSION-$COMMIT"
podman tag "$IMAGE:$VERSION-$COMMIT" "$IMAGE:$VERSION"
# the images of earlier commits and their layers leave the store (vfs keeps a whole copy of every layer)
podman images --format '{{.Repository}}:{{.Tag}}' "$IMAGE" | grep -vxF -e "$IMAGE:$VERSION-$COMMIT" -e "$IMAGE:$VERSION" \
  | xargs -r podman rmi >/dev/null 2>&1 || true
podman image prune --force >/dev/null
log "$IMAGE:$VERSION-$COMMIT ($(podman image inspect --format '{{.Size}}' "$IMAGE:$VERSION" | numfmt --to=iec))"
if [[ ${1:-} == --check ]]; then
  build_app "$IMAGE:check" --no-cache
  if diff <(layers "$IMAGE:$VERSION") <(layers "$IMAGE:check") >/dev/null; then
    log "reproducible: a second build without the cache gave the same $(layers "$IMAGE:check" | wc -l) layers"
    podman rmi "$IMAGE:check" >/dev/null
  else
    diff <(layers "$IMAGE:$VERSION") <(layers "$IMAGE:check") >&2 || true
    log "NOT reproducible: the layers above differ"; exit 1
  fi
fi
