package invoicegroups.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A PNG of the cold-start pairs: ours and the baseline side by side, launch to first 200. */
final class ColdStartChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;
    private static final Color OURS = new Color(0x1f77b4);
    private static final Color BASELINE = new Color(0xd62728);

    private ColdStartChart() {
    }

    static void write(List<Results.Pair> pairs, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double max = pairs.stream().mapToDouble(p -> Math.max(p.ours().total(), p.baseline().total())).max()
                .orElse(1);
        double scale = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.LIGHT_GRAY);
        for (int tick = 0; tick <= 5; tick++) {
            int y = TOP + plotHeight - plotHeight * tick / 5;
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f ms", scale * tick / 5), 5, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        int slot = plotWidth / Math.max(1, pairs.size());
        int bar = Math.max(2, slot / 3);
        for (int i = 0; i < pairs.size(); i++) {
            int x = LEFT + i * slot + slot / 2 - bar;
            bar(g, OURS, x, bar, pairs.get(i).ours().total(), scale, plotHeight);
            bar(g, BASELINE, x + bar, bar, pairs.get(i).baseline().total(), scale, plotHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(i + 1), x + bar - 4, HEIGHT - BOTTOM + 15);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Cold start, launch to first 200, pair by pair (JDK 17, C1)", LEFT, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(OURS);
        g.fillRect(LEFT, 30, 10, 10);
        g.setColor(Color.BLACK);
        g.drawString("ours (function.jar)", LEFT + 14, 40);
        g.setColor(BASELINE);
        g.fillRect(LEFT + 150, 30, 10, 10);
        g.setColor(Color.BLACK);
        g.drawString("tutorial-style baseline", LEFT + 164, 40);
        g.drawString("pair", WIDTH / 2 - 10, HEIGHT - 12);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void bar(Graphics2D g, Color color, int x, int width, double value, double scale, int plotHeight) {
        int height = (int) Math.round(plotHeight * value / scale);
        g.setColor(color);
        g.fillRect(x, TOP + plotHeight - height, width, height);
    }

    private static double niceCeiling(double value) {
        double step = Math.pow(10, Math.floor(Math.log10(value)));
        for (double multiple : new double[] {1, 2, 2.5, 5, 10}) {
            if (multiple * step >= value) {
                return multiple * step;
            }
        }
        return 10 * step;
    }
}
