import Hummingbird
import PhieuKin

/// The web front end of a workspace (docs/WEB.md). Thin: every decision is the service's.
public enum PhieuKinServer {}
