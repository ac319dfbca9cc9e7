// PhieuKinStore — filled by later work.
public enum PhieuKinStore {}
