#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `log` and `cos` under names that member functions of the same name cannot shadow (used by `LatencyDistribution`).
func _log(_ value: Double) -> Double { log(value) }
func _cos(_ value: Double) -> Double { cos(value) }
