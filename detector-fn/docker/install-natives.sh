#!/bin/sh
# Extracts PyTorch's natives for the detector function's container image, and checks that the committed model
# loads with them. Used by the Dockerfile's first stage, and runnable on any Linux x86_64 with Java 17+ to check the
# same steps without Docker.
#   install-natives.sh LIB_DIR TARGET_DIR
# LIB_DIR holds the lambda jar and detector-fn/target/image-lib/*.jar (the PyTorch native and JNI jars); the natives
# end up in TARGET_DIR/libtorch (432 MB), readable by every user (Lambda runs the image as a non-root user), and the
# function finds them there with DJL_CACHE_DIR=TARGET_DIR and PYTORCH_LIBRARY_PATH=TARGET_DIR/libtorch, without the
# 112 MB native jar, which the final image leaves out.
set -eu
if [ "$#" -ne 2 ]; then
  echo "usage: install-natives.sh LIB_DIR TARGET_DIR" >&2
  exit 2
fi
lib=$1
target=$2
DJL_OFFLINE=true DJL_CACHE_DIR="$target" java -cp "$lib/*" avmon.fn.detector.ModelPreload
# DJL names the folder after the PyTorch build (2.7.1-20250812-cpu-linux-x86_64); the image needs a fixed path.
set -- "$target"/pytorch/*-cpu-linux-x86_64
if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then
  echo "install-natives.sh: expected one PyTorch folder under $target/pytorch, found: $*" >&2
  exit 1
fi
mv "$1" "$target/libtorch"
rmdir "$target/pytorch"
chmod -R a+rX "$target"
