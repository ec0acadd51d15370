package io.github.mlinfra.iam;

import com.pulumi.core.Output;
import io.github.mlinfra.internal.Check;
import io.github.mlinfra.policy.Effect;
import io.github.mlinfra.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * IAM identity-policy statements a role needs to use a resource, returned by components'
 * {@code grant…} methods ({@code ManagedKey.grantEncryptDecrypt()},
 * {@code SecureCheckpointBucket.grantWriteCheckpoints("run-1/")}, …) and given to a
 * {@link ServiceRole}, which renders them into one inline least-privilege policy. Statements are
 * an {@code Output} because resource ARNs are known only at deployment time.
 *
 * <pre>{@code
 * var role = new ServiceRole("trainer", ServiceRoleArgs.builder()
 *     .service("sagemaker.amazonaws.com")
 *     .addGrants(key.grantEncryptDecrypt(), bucket.grantWriteCheckpoints("runs/"))
 *     .build());
 * }</pre>
 */
public final class Grant {
    private final Output<List<Statement>> statements;

    private Grant(Output<List<Statement>> statements) {
        this.statements = Objects.requireNonNull(statements, "statements");
    }

    /**
     * A grant of statements known at deployment time.
     *
     * @param statements the statements
     * @return the grant
     */
    public static Grant of(Output<List<Statement>> statements) {
        return new Grant(statements);
    }

    /**
     * A grant of plain statements.
     *
     * @param statements the statements
     * @return the grant
     */
    public static Grant of(Statement... statements) {
        return new Grant(Output.of(List.of(statements)));
    }

    /**
     * A grant of actions that AWS accepts only on {@code Resource: "*"}; each action must be on
     * the {@link StarOnlyActions} allowlist.
     *
     * @param sid the statement id
     * @param actions the actions
     * @return the grant
     * @throws io.github.mlinfra.InvalidArgsException when an action is not on the allowlist
     */
    public static Grant onAnyResource(String sid, String... actions) {
        for (String a : actions) {
            if (!StarOnlyActions.contains(a)) {
                Check.fail("Grant.actions", "not an action AWS accepts only on Resource \"*\"", a,
                        "one of StarOnlyActions.ACTIONS, or a resource-scoped grant");
            }
        }
        return of(Statement.builder().sid(sid).effect(Effect.Allow).addActions(actions).addResources("*")
                .wildcardsAllowed(true).build());
    }

    /**
     * The statements.
     *
     * @return the statements, as an Output
     */
    public Output<List<Statement>> statements() {
        return statements;
    }

    /**
     * Combines grants into one, statements in order. Two grants of the same kind (two keys'
     * {@code UseKey}, say) would repeat a Sid, which IAM refuses: a repeated Sid gets the suffix
     * {@code 2}, {@code 3}, … in order of appearance.
     *
     * @param grants the grants
     * @return the combined grant
     */
    public static Grant combine(List<Grant> grants) {
        if (grants.isEmpty()) {
            return new Grant(Output.of(List.of()));
        }
        List<Output<List<Statement>>> parts = new ArrayList<>();
        grants.forEach(g -> parts.add(g.statements));
        return new Grant(Output.all(parts).applyValue(lists -> {
            List<Statement> all = new ArrayList<>();
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (List<Statement> list : lists) {
                for (Statement st : list) {
                    if (st.getSid().isPresent()) {
                        String sid = st.getSid().get();
                        int n = seen.merge(sid, 1, Integer::sum);
                        if (n > 1) {
                            String unique = sid + n;
                            while (seen.containsKey(unique)) {
                                unique = unique + "x";
                            }
                            seen.put(unique, 1);
                            st = Statement.builder().from(st).sid(unique).build();
                        }
                    }
                    all.add(st);
                }
            }
            return List.copyOf(all);
        }));
    }
}
