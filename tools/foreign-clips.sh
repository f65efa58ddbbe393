#!/usr/bin/env bash
# Makes a blind check for the block-corruption detectors: clean clips encoded by Debian's own ffmpeg (x264,
# x265, MPEG-2) from FFmpeg's synthetic sources, then damaged, with ground truth, by `avmon clips --from`.
# Nothing here comes from avmon's generator or from the scene of `avmon clips`; nothing in avmon was chosen by
# looking at these clips. Needs the ffmpeg command (Debian: apt-get install ffmpeg).
#
#   tools/foreign-clips.sh OUT            then   ./avmon evaluate --no-blockdetect OUT
set -euo pipefail
out=${1:?usage: tools/foreign-clips.sh OUT}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v ffmpeg >/dev/null || { echo "foreign-clips: needs ffmpeg (Debian: apt-get install ffmpeg)" >&2; exit 2; }
clean="$out/.clean"
mkdir -p "$clean"

# name | lavfi source graph | encoder options | container
clips=(
  "mandelbrot-x264|mandelbrot=size=1280x720:rate=25,format=yuv420p|-c:v libx264 -preset medium -crf 23 -g 50 -bf 3|ts"
  "testsrc2-x264-fast|testsrc2=size=1280x720:rate=25,format=yuv420p|-c:v libx264 -preset veryfast -crf 30 -g 250 -bf 0|mkv"
  "life-x265|life=size=320x180:rate=25:mold=10:ratio=0.3:death_color=#203040:life_color=#e0c080,scale=640x360:flags=neighbor,format=yuv420p|-c:v libx265 -preset fast -x265-params crf=26:keyint=50:log-level=error|mkv"
  "sierpinski-grain-mpeg2|sierpinski=size=1280x720:rate=25,noise=alls=12:allf=t,format=yuv420p|-c:v mpeg2video -b:v 6M -g 15 -bf 2|ts"
  "cellauto-x264-360p|cellauto=size=640x360:rate=25:rule=110:scroll=1,format=yuv420p|-c:v libx264 -preset slow -crf 20 -g 100 -bf 2|mp4"
  "gradients-noise-x264|gradients=size=1280x720:rate=25:speed=0.02,noise=alls=20:allf=t+u,format=yuv420p|-c:v libx264 -preset medium -crf 26 -g 75 -bf 3|mkv"
)

for spec in "${clips[@]}"; do
  IFS='|' read -r name graph options container <<< "$spec"
  file="$clean/$name.$container"
  echo "foreign-clips: encoding $name" >&2
  # shellcheck disable=SC2086
  ffmpeg -nostdin -loglevel error -y -f lavfi -i "$graph" -t 10 $options -an "$file"
  "$here/avmon" clips --from "$file" --out "$out"
done
rm -rf "$clean"
