package dev.masker.application.service;

import dev.masker.application.port.in.CheckReadinessUseCase;
import dev.masker.application.port.in.Readiness;
import dev.masker.application.port.out.ProbeReadinessPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every store whether it answers. */
public final class CheckReadinessService implements CheckReadinessUseCase {
    private final List<ProbeReadinessPort> probes;

    public CheckReadinessService(List<ProbeReadinessPort> probes) {
        this.probes = List.copyOf(probes);
    }

    @Override
    public Readiness check() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        probes.forEach(probe -> checks.put(probe.name(), probe.isReady()));
        return new Readiness(checks);
    }
}
