// PhieuKinPrint — filled by later work.
public enum PhieuKinPrint {}
