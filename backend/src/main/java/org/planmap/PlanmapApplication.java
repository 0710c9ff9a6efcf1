package org.planmap;

import java.util.Arrays;
import org.planmap.boundary.ImportBoundariesCommand;
import org.planmap.controlline.GenerateControlLinesCommand;
import org.planmap.security.UsersCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the server, or runs a command given as the first argument (no Spring context for commands). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanmapApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportBoundariesCommand.NAME)) {
            System.exit(ImportBoundariesCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(GenerateControlLinesCommand.NAME)) {
            System.exit(GenerateControlLinesCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(UsersCommand.NAME)) {
            System.exit(UsersCommand.run(Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err));
        }
        SpringApplication.run(PlanmapApplication.class, args);
    }
}
