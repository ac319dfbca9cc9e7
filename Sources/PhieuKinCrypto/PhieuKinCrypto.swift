// PhieuKinCrypto — filled by later work.
public enum PhieuKinCrypto {}
