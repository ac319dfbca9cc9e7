// PhieuKin — filled by later work.
public enum PhieuKinWorkflows {}
