package org.dlmathlab.labs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dlmathlab.labs.transform2d.Transform2dLab;

/** Every lab the app knows, by id. Lesson files name one of these. */
public final class LabRegistry {

    private final Map<String, Lab<?>> labs = new LinkedHashMap<>();

    /** The labs that ship with the app. */
    public static LabRegistry standard() {
        LabRegistry registry = new LabRegistry();
        registry.register(new Transform2dLab());
        registry.register(new org.dlmathlab.labs.gd1d.Gd1dLab());
        registry.register(new org.dlmathlab.labs.gd2d.Gd2dLab());
        registry.register(new org.dlmathlab.labs.regression.RegressionLab());
        registry.register(new org.dlmathlab.labs.limit.LimitLab());
        registry.register(new org.dlmathlab.labs.det2d.Det2dLab());
        registry.register(new org.dlmathlab.labs.entropy.EntropyLab());
        registry.register(new org.dlmathlab.labs.system2d.System2dLab());
        registry.register(new org.dlmathlab.labs.matmul2d.Matmul2dLab());
        registry.register(new org.dlmathlab.labs.eigen2d.Eigen2dLab());
        registry.register(new org.dlmathlab.labs.det3d.Det3dLab());
        registry.register(new org.dlmathlab.labs.vectors2d.Vectors2dLab());
        registry.register(new org.dlmathlab.labs.tensors.TensorsLab());
        registry.register(new org.dlmathlab.labs.dataprep.DataprepLab());
        registry.register(new org.dlmathlab.labs.chain.ChainLab());
        registry.register(new org.dlmathlab.labs.gaussian.GaussianLab());
        registry.register(new org.dlmathlab.labs.likelihood.LikelihoodLab());
        registry.register(new org.dlmathlab.labs.partials.PartialsLab());
        registry.register(new org.dlmathlab.labs.backprop.BackpropLab());
        registry.register(new org.dlmathlab.labs.playground.PlaygroundLab());
        registry.register(new org.dlmathlab.labs.neuron.NeuronLab());
        registry.register(new org.dlmathlab.labs.activations.ActivationsLab());
        registry.register(new org.dlmathlab.labs.losses.LossesLab());
        registry.register(new org.dlmathlab.labs.overfit.OverfitLab());
        registry.register(new org.dlmathlab.labs.splits.SplitsLab());
        registry.register(new org.dlmathlab.labs.softmax.SoftmaxLab());
        return registry;
    }

    public void register(Lab<?> lab) {
        if (labs.putIfAbsent(lab.id(), lab) != null) {
            throw new IllegalArgumentException("duplicate lab id " + lab.id());
        }
    }

    public Optional<Lab<?>> find(String id) {
        return Optional.ofNullable(labs.get(id));
    }

    public Collection<Lab<?>> all() {
        return labs.values();
    }
}
