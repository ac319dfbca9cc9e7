#!/usr/bin/python3
"""Makes the scan test set: marks printed ballot pages and degrades them as scanners and phones do.

Usage: make-scans.py JOB.json. The job is {"scans": [scan, ...]}; each scan is
  {"input": PNG page rendered by pdftoppm -gray, "dpi": its resolution, "seed": int,
   "marks": [{"rect": [x, y, w, h] (mm), "kind": KIND, "tool": TOOL (optional), "shape": "square"|"circle"}],
   KIND: clear marks "x"|"big-x"|"tick"|"filled"|"small-fill"; unclear "faint"|"erased"|"scribble"|"spill";
         the mix's others "dot"|"circle-round"|"struck-fill"|"x-scribbled"|"smudge"|"light-x"
   TOOL (what draws the clear marks and corrections): "ballpoint" (black, default)|"blue"|"felt"|"pencil"
   "remark": [x, y, w, h] or absent (mm: handwriting goes there),
   "degrade": {"specks": 300, "lighting": 0.4, "torn": "bottom-right", "folded": "top-left", "rotate": deg,
               "scale": 0.97, "shear": deg, "perspective": 0.02, "black_backing": true, "upside_down": true, "blur": px,
               "noise": sigma, "bilevel": true, "colour": true, "paper": 0.94 (paper tone, ×255),
               "photocopy": true, "jpeg": quality, "fast": true (bilinear rotation)},
   "output": path (.png, .jpg, .tif; "pages": [more outputs] makes a multi-page TIFF or PDF)}
Everything random comes from the scan's seed. Needs python3-pil (Debian's /usr/bin/python3).
"""
import io
import json
import math
import random
import sys
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter

INK = (28, 60)  # ballpoint pen grey levels (black to dark blue in grey)
PENCIL = (160, 182)  # a light pencil: a trace, never ink
# Each tool: grey range on white paper, line width range (mm), grain (share of a stroke's pixels
# the paper shows through: graphite on paper tooth). Blue ballpoint is lighter in grey than
# black; a felt pen is broad and even; a soft pencil pressed hard is dark but grainy.
TOOLS = {
    "ballpoint": ((20, 60), (0.45, 0.6), 0.0),
    "blue": ((60, 105), (0.4, 0.55), 0.03),
    "felt": ((10, 45), (0.8, 1.1), 0.0),
    "pencil": ((60, 100), (0.4, 0.6), 0.15),
}
LIGHT_PENCIL = (200, 218)  # a hard pencil barely pressed: ≈ 200–205 on paper ≈ 240 once toned


def mm(value, dpi):
    return value * dpi / 25.4


def jitter(rng, amount):
    return rng.uniform(-amount, amount)


def draw_mark(draw, rect, kind, dpi, rng, circle=False, tool=None):
    x, y, w, h = rect
    px = lambda mx, my: (mm(mx, dpi), mm(my, dpi))
    if tool:
        greys, widths, _ = TOOLS[tool]
        pen = max(1, round(mm(rng.uniform(*widths), dpi)))
        ink = rng.randint(*greys)
    else:
        pen = max(1, round(mm(rng.uniform(0.45, 0.6), dpi)))
        ink = rng.randint(*INK)
    if kind in MIX_KINDS:
        MIX_KINDS[kind](draw, rect, dpi, rng, circle, px, pen, ink)
    elif kind in ("x", "big-x"):
        # A big x overshoots the outline, as hurried voters draw it.
        inset = rng.uniform(0.3, 0.6) if kind == "x" else -rng.uniform(0.3, 0.9)
        a = [(x + inset + jitter(rng, 0.2), y + inset + jitter(rng, 0.2)),
             (x + w - inset + jitter(rng, 0.2), y + h - inset + jitter(rng, 0.2))]
        b = [(x + w - inset + jitter(rng, 0.2), y + inset + jitter(rng, 0.2)),
             (x + inset + jitter(rng, 0.2), y + h - inset + jitter(rng, 0.2))]
        draw.line([px(*p) for p in a], fill=ink, width=pen)
        draw.line([px(*p) for p in b], fill=ink, width=pen)
    elif kind == "tick":
        points = [(x + 0.15 * w, y + 0.55 * h), (x + 0.42 * w, y + 0.85 * h), (x + 0.88 * w, y + 0.12 * h)]
        points = [(p[0] + jitter(rng, 0.2), p[1] + jitter(rng, 0.2)) for p in points]
        draw.line([px(*p) for p in points], fill=ink, width=pen, joint="curve")
    elif kind == "filled":
        grow = rng.uniform(-0.1, 0.15)
        shape = draw.ellipse if circle else draw.rectangle
        shape([px(x - grow, y - grow), px(x + w + grow, y + h + grow)], fill=ink)
    elif kind == "faint":
        pencil = rng.randint(*PENCIL)
        inset = rng.uniform(0.4, 0.7)
        width = max(1, round(mm(0.35, dpi)))
        draw.line([px(x + inset, y + inset), px(x + w - inset, y + h - inset)], fill=pencil, width=width)
        draw.line([px(x + w - inset, y + inset), px(x + inset, y + h - inset)], fill=pencil, width=width)
    elif kind == "erased":
        # A pen x rubbed out: broken, light grey remains of the strokes.
        inset = rng.uniform(0.3, 0.6)
        width = max(1, round(mm(0.45, dpi)))
        for a, b in [((x + inset, y + inset), (x + w - inset, y + h - inset)),
                     ((x + w - inset, y + inset), (x + inset, y + h - inset))]:
            for k in range(8):
                if rng.random() < 0.3:
                    continue  # rubbed clean here
                t0, t1 = k / 8, (k + 1) / 8
                p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
                p1 = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
                draw.line([px(*p0), px(*p1)], fill=rng.randint(150, 185), width=width)
    elif kind == "scribble":
        # A mark, then scribbled over back and forth well past the outline: a crossing-out.
        draw_mark(draw, rect, "x", dpi, rng, circle)
        pitch = rng.uniform(0.6, 0.75)
        over = rng.uniform(0.9, 1.3)
        row = y - 0.3
        points = []
        left = True
        while row <= y + h + 0.3:
            points.append(px((x - over if left else x + w + over) + jitter(rng, 0.2), row))
            left = not left
            row += pitch
        draw.line(points, fill=ink, width=pen)
    elif kind == "spill":
        # A box filled in, the filling running over the line to one side.
        side = rng.choice(["left", "right"])
        spread = rng.uniform(1.4, 2.0)
        left = x - (spread if side == "left" else 0.1)
        right = x + w + (spread if side == "right" else 0.1)
        if circle:
            draw.ellipse([px(x - 0.1, y - 0.1), px(x + w + 0.1, y + h + 0.1)], fill=ink)
            draw.rectangle([px(left, y + 0.6), px(right, y + h - 0.6)], fill=ink)
        else:
            draw.rectangle([px(left, y - 0.1), px(right, y + h + 0.1)], fill=ink)
    else:
        raise SystemExit(f"unknown mark kind {kind}")


def mix_small_fill(draw, rect, dpi, rng, circle, px, pen, ink):
    """A solid fill smaller than the box, anywhere inside it (45–80 % of the side)."""
    x, y, w, h = rect
    side = w * rng.uniform(0.45, 0.8)
    sx = x + rng.uniform(0.35, w - side - 0.35) if w - side > 0.7 else x + (w - side) / 2
    sy = y + rng.uniform(0.35, h - side - 0.35) if h - side > 0.7 else y + (h - side) / 2
    shape = draw.ellipse if circle or rng.random() < 0.3 else draw.rectangle
    shape([px(sx, sy), px(sx + side, sy + side)], fill=ink)


def mix_dot(draw, rect, dpi, rng, circle, px, pen, ink):
    """A pen pressed down on the paper: a dot 0.6–1 mm across somewhere inside the box."""
    x, y, w, h = rect
    r = rng.uniform(0.3, 0.5)
    cx, cy = x + w / 2 + jitter(rng, w / 2 - 1.0), y + h / 2 + jitter(rng, h / 2 - 1.0)
    draw.ellipse([px(cx - r, cy - r), px(cx + r, cy + r)], fill=ink)


def mix_circle_round(draw, rect, dpi, rng, circle, px, pen, ink):
    """A loop drawn round the box instead of a mark in it."""
    x, y, w, h = rect
    # Round a square it must clear the corners; round a circle it hugs the line.
    r = w / 2 * (rng.uniform(1.2, 1.35) if circle else rng.uniform(1.45, 1.7))
    cx, cy = x + w / 2 + jitter(rng, 0.2), y + h / 2 + jitter(rng, 0.2)
    start = rng.uniform(0, 360)
    points = []
    for k in range(0, 70):
        a = math.radians(start + k * 5.4)
        rr = r * (1 + jitter(rng, 0.03))
        points.append(px(cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.line(points, fill=ink, width=pen, joint="curve")


def mix_struck_fill(draw, rect, dpi, rng, circle, px, pen, ink):
    """A correction: the box filled, then struck through with a large x reaching past it."""
    x, y, w, h = rect
    draw_mark(draw, rect, "filled", dpi, rng, circle)
    over = rng.uniform(0.8, 1.8)
    draw.line([px(x - over, y - over), px(x + w + over, y + h + over)], fill=ink, width=pen)
    draw.line([px(x + w + over, y - over), px(x - over, y + h + over)], fill=ink, width=pen)


def mix_x_scribbled(draw, rect, dpi, rng, circle, px, pen, ink):
    """A correction: an x, then scribbled over back and forth, the strokes apart and reaching
    0.6–1.2 mm past both sides."""
    x, y, w, h = rect
    draw.line([px(x + 0.5, y + 0.5), px(x + w - 0.5, y + h - 0.5)], fill=ink, width=pen)
    draw.line([px(x + w - 0.5, y + 0.5), px(x + 0.5, y + h - 0.5)], fill=ink, width=pen)
    pitch = pen * 25.4 / dpi + rng.uniform(0.3, 0.5)
    over = rng.uniform(0.6, 1.2)
    points, left, row = [], True, y - 0.2
    while row <= y + h + 0.2:
        points.append(px((x - over if left else x + w + over) + jitter(rng, 0.15), row))
        left = not left
        row += pitch
    draw.line(points, fill=ink, width=pen)


def mix_smudge(draw, rect, dpi, rng, circle, px, pen, ink):
    """A pencil mark rubbed out: a soft grey smudge, no stroke left (blank to a person)."""
    x, y, w, h = rect
    for _ in range(6):
        cx, cy = x + w / 2 + jitter(rng, 0.8), y + h / 2 + jitter(rng, 0.8)
        r = rng.uniform(0.8, 1.4)
        draw.ellipse([px(cx - r, cy - r), px(cx + r, cy + r)], fill=rng.randint(238, 246))


def mix_light_x(draw, rect, dpi, rng, circle, px, pen, ink):
    """A light pencil x (hard lead, little pressure): a person sees it; it is not ink."""
    x, y, w, h = rect
    grey = rng.randint(*LIGHT_PENCIL)
    width = max(1, round(mm(rng.uniform(0.3, 0.45), dpi)))
    inset = rng.uniform(0.3, 0.7)
    draw.line([px(x + inset, y + inset), px(x + w - inset, y + h - inset)], fill=grey, width=width)
    draw.line([px(x + w - inset, y + inset), px(x + inset, y + h - inset)], fill=grey, width=width)


MIX_KINDS = {
    "small-fill": mix_small_fill, "dot": mix_dot, "circle-round": mix_circle_round, "struck-fill": mix_struck_fill,
    "x-scribbled": mix_x_scribbled, "smudge": mix_smudge, "light-x": mix_light_x,
}


_TILE = []


def noise_tile():
    """One 1024 × 1024 tile of Gaussian noise per run, cropped where grain needs some."""
    if not _TILE:
        _TILE.append(Image.effect_noise((1024, 1024), 64))
    return _TILE[0]


def grain(image, marks, dpi, rng):
    """Pencil grain: paper shows through a share of the pixels of each pencil mark's box."""
    for mark in marks:
        share = TOOLS.get(mark.get("tool") or "ballpoint")[2]
        if mark.get("kind") == "light-x":
            share = 0.25
        if not share:
            continue
        x, y, w, h = mark["rect"]
        left, top = int(mm(x - 2, dpi)), int(mm(y - 2, dpi))
        right, bottom = int(mm(x + w + 2, dpi)), int(mm(y + h + 2, dpi))
        region = image.crop((left, top, right, bottom))
        # Gaussian noise (mean 128, sigma 64) above its (1 - share) quantile: `share` of the pixels.
        cut = 128 + 64 * NormalDist().inv_cdf(1 - share)
        ox, oy = rng.randrange(0, max(1, 1024 - region.size[0])), rng.randrange(0, max(1, 1024 - region.size[1]))
        noise = noise_tile().crop((ox, oy, ox + region.size[0], oy + region.size[1]))
        noise = noise.point(lambda v: 255 if v > cut else 0)
        # Lighten a share of the pixels halfway to white.
        lighter = region.point(lambda v: (v + 255) // 2)
        region.paste(lighter, mask=noise)
        image.paste(region, (left, top))


def photocopy(image, rng):
    """A photocopy: contrast pushed (greys darker, paper whiter), toner dust, slight blur, grey cast."""
    lut = [max(0, min(255, int((v - 40) * 1.25))) for v in range(256)]
    image = image.point(lut).filter(ImageFilter.GaussianBlur(0.6))
    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(250):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        draw.point((x, y), fill=rng.randint(60, 150))
    return image.point(lambda v: int(v * 0.96 + 4))


def specks(draw, width, height, dpi, rng, count):
    """Dust and toner specks a scanner picks up: tiny dark dots anywhere."""
    for _ in range(count):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        r = mm(rng.uniform(0.05, 0.15), dpi)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(20, 90))


def write_remark(draw, rect, dpi, rng):
    """A few words of 'handwriting': wavy strokes along two lines."""
    x, y, w, h = rect
    pen = max(1, round(mm(0.4, dpi)))
    for line in range(2):
        base = y + 7 + line * 5
        cursor = x + 4
        while cursor < x + min(w - 10, 110):
            word = rng.uniform(6, 16)
            points = []
            t = cursor
            while t < cursor + word:
                points.append((mm(t, dpi), mm(base + math.sin(t * 3.1) * 1.2 + jitter(rng, 0.3), dpi)))
                t += 0.35
            draw.line(points, fill=rng.randint(*INK), width=pen)
            cursor += word + rng.uniform(2, 4)


def corner_triangle(corner, size, width, height):
    left = corner.endswith("left")
    top = corner.startswith("top")
    cx = 0 if left else width
    cy = 0 if top else height
    dx = size if left else -size
    dy = size if top else -size
    return [(cx, cy), (cx + dx, cy), (cx, cy + dy)]


def solve(matrix, values):
    """Gaussian elimination with partial pivoting (8 × 8 at most)."""
    n = len(values)
    a = [row[:] + [v] for row, v in zip(matrix, values)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(n):
            if r != c:
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
    return [a[r][n] / a[r][r] for r in range(n)]


def perspective(image, amount):
    """A photo taken slightly from below: the top edge narrower than the bottom by 2·amount."""
    w, h = image.size
    inset = amount * w
    # Output corners (where the page's corners land) → input corners; PIL wants output → input.
    out = [(inset, 0), (w - inset, 0), (w, h), (0, h)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    rows, values = [], []
    for (x, y), (u, v) in zip(out, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        values.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values.append(v)
    return image.transform((w, h), Image.PERSPECTIVE, solve(rows, values), resample=Image.BICUBIC, fillcolor=255)


def degrade(image, spec, dpi, rng):
    width, height = image.size
    if spec.get("specks"):
        specks(ImageDraw.Draw(image), width, height, dpi, rng, spec["specks"])
    if spec.get("paper"):
        tone = spec["paper"]
        image = image.point(lambda v: int(v * tone))
    if spec.get("photocopy"):
        image = photocopy(image, rng)
    if spec.get("lighting"):
        strength = spec["lighting"]
        down = Image.linear_gradient("L").resize((width, height))
        across = Image.linear_gradient("L").rotate(90).resize((width, height))
        shade = ImageChops.add(down, across, scale=2.0)  # dark towards one corner
        # 255 where lit, down to 255·(1 − strength) in the darkest corner.
        shade = shade.point(lambda v: int(255 - strength * v))
        image = ImageChops.multiply(image, shade)
    if spec.get("torn"):
        draw = ImageDraw.Draw(image)
        points = corner_triangle(spec["torn"], mm(45, dpi), width, height)
        # A torn edge is ragged: push the hypotenuse about.
        a, b = points[1], points[2]
        ragged = [a]
        for k in range(1, 12):
            t = k / 12
            ragged.append((a[0] + (b[0] - a[0]) * t + jitter(rng, mm(1.5, dpi)),
                           a[1] + (b[1] - a[1]) * t + jitter(rng, mm(1.5, dpi))))
        ragged += [b, points[0]]
        draw.polygon(ragged, fill=255)
    if spec.get("folded"):
        draw = ImageDraw.Draw(image)
        points = corner_triangle(spec["folded"], mm(40, dpi), width, height)
        draw.polygon(points, fill=232)  # the blank back of the sheet
        draw.line([points[1], points[2]], fill=120, width=max(1, round(mm(0.3, dpi))))
    if spec.get("scale"):
        s = spec["scale"]
        image = image.resize((round(width * s), round(height * s)), Image.BICUBIC)
    if spec.get("shear"):
        k = math.tan(math.radians(spec["shear"]))
        w, h = image.size
        extra = abs(k) * h
        # x_in = x_out + k·y_out − offset: a sheet-fed scanner pulling one side faster.
        offset = extra if k > 0 else 0
        image = image.transform((round(w + extra), h), Image.AFFINE, (1, k, -offset, 0, 1, 0),
                                resample=Image.BICUBIC, fillcolor=255)
    if spec.get("perspective"):
        image = perspective(image, spec["perspective"])
    if spec.get("rotate"):
        # A scanner with a black backing shows black where the sheet is not.
        background = 20 if spec.get("black_backing") else 255
        resample = Image.BILINEAR if spec.get("fast") else Image.BICUBIC
        image = image.rotate(spec["rotate"], resample=resample, expand=True, fillcolor=background)
    if spec.get("upside_down"):
        image = image.rotate(180)
    if spec.get("blur"):
        image = image.filter(ImageFilter.GaussianBlur(spec["blur"]))
    if spec.get("noise"):
        noise = Image.effect_noise(image.size, spec["noise"])
        image = ImageChops.add(image, noise, 1.0, -128)
    return image


_PAGES = {}


def make(scan):
    rng = random.Random(scan["seed"])
    dpi = scan["dpi"]
    if scan["input"] not in _PAGES:
        _PAGES[scan["input"]] = Image.open(scan["input"]).convert("L")
    image = _PAGES[scan["input"]].copy()
    draw = ImageDraw.Draw(image)
    for mark in scan.get("marks", []):
        draw_mark(draw, mark["rect"], mark["kind"], dpi, rng, mark.get("shape") == "circle", mark.get("tool"))
    grain(image, scan.get("marks", []), dpi, rng)
    if scan.get("remark"):
        write_remark(draw, scan["remark"], dpi, rng)
    image = degrade(image, scan.get("degrade", {}), dpi, rng)
    if scan.get("degrade", {}).get("bilevel"):
        # An office scanner's black-and-white mode: every pixel black or white (CCITT G4 TIFF).
        image = image.point(lambda v: 255 if v >= 128 else 0).convert("1")
    if scan.get("degrade", {}).get("colour"):
        # A colour scan of a grey page: slightly warm paper.
        image = Image.merge("RGB", (image, image.point(lambda v: int(v * 0.97)), image.point(lambda v: int(v * 0.9))))
    return image


def save(images, output, spec):
    first, rest = images[0], images[1:]
    if output.endswith(".jpg"):
        first.save(output, quality=spec.get("jpeg", 75))
    elif output.endswith(".tif"):
        compression = "group4" if first.mode == "1" else "tiff_deflate"
        first.save(output, save_all=True, append_images=rest, compression=compression, dpi=(spec["dpi"], spec["dpi"]))
    elif output.endswith(".pdf"):
        first.save(output, save_all=True, append_images=rest, resolution=spec.get("dpi", 200), quality=95)
    else:
        first.save(output, compress_level=1)


def jpeg_round_trip(image, quality):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert(image.mode)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        job = json.load(handle)
    for scan in job["scans"]:
        pages = [scan] + scan.get("pages", [])
        images = [make(page) for page in pages]
        if scan["output"].endswith(".pdf"):
            # A scanner's PDF: each page a JPEG at its own quality (kept at 95 in the PDF).
            images = [jpeg_round_trip(image, page["degrade"]["jpeg"]) if page.get("degrade", {}).get("jpeg") else image
                      for image, page in zip(images, pages)]
        elif scan.get("degrade", {}).get("jpeg") and not scan["output"].endswith(".jpg"):
            raise SystemExit("JPEG artefacts need a .jpg output")
        save(images, scan["output"], {**scan.get("degrade", {}), "dpi": scan["dpi"]})


if __name__ == "__main__":
    main()
