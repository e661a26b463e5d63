# Sourced by infra/image/build.sh and tests/support/kube_play.py: podman and buildah as this machine runs them
# (docs/operations.md "The image"): Debian's podman, buildah and runc (crun refuses the host's hybrid cgroups), the
# vfs storage driver, no default ulimits (setting RLIMIT_NOFILE/NPROC is refused), and a store of our own under the
# cache, kept between runs so that the base image is built once per machine.
CACHE=${OTMETKA_CACHE_DIR:-$HOME/.cache/otmetka}
CONTAINERS_DIR=$CACHE/containers
CONTAINER_PACKAGES=(podman buildah runc debootstrap)

containers_install() {
  local missing=() package
  for package in "${CONTAINER_PACKAGES[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if ((${#missing[@]})); then
    echo "installing Debian packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

mkdir -p "$CONTAINERS_DIR/storage" "$CONTAINERS_DIR/run"
cat >"$CONTAINERS_DIR/storage.conf" <<EOF
[storage]
driver = "vfs"
graphroot = "$CONTAINERS_DIR/storage"
runroot = "$CONTAINERS_DIR/run"
EOF
cat >"$CONTAINERS_DIR/containers.conf" <<EOF
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_STORAGE_CONF=$CONTAINERS_DIR/storage.conf CONTAINERS_CONF=$CONTAINERS_DIR/containers.conf
